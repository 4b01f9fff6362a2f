//! The `nprand eval` machinery.
