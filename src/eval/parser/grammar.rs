//! The grammar: an operator-precedence parser with an explicit stack (no recursion)
//! that builds the [`Call`] or [`Expr`], folding constants as it goes.

use super::fold::*;
use super::lexer::*;
use super::*;

// ---------------------------------------------------------------------------
// Parser
//
// An operator-precedence parser with an explicit stack instead of recursion,
// so that its use of the machine stack does not grow with the nesting depth
// of the input; the depth is still capped at MAX_DEPTH as a matter of policy.
//
// The parser alternates between two modes. In operand mode it reads prefix
// operators (pushed as frames) and then one atom; opening a parenthesis,
// bracket or `float(` pushes a group frame and stays in operand mode. In
// operator mode it holds a complete value and reads a binary operator (which
// folds the pending frames that bind at least as tightly, then pushes a
// frame), a comma (which stores the value as an item of the innermost group)
// or a closing token (which completes the innermost group).
// ---------------------------------------------------------------------------

/// Python's binding powers: `+ -` < `* / // %` < unary `+ -` < `**`.
pub(super) const PREC_SUM: u8 = 1;
pub(super) const PREC_PRODUCT: u8 = 2;
pub(super) const PREC_UNARY: u8 = 3;
pub(super) const PREC_POWER: u8 = 4;

impl BinOp {
    pub(super) fn precedence(self) -> u8 {
        match self {
            BinOp::Add | BinOp::Sub => PREC_SUM,
            BinOp::Pow => PREC_POWER,
            BinOp::Mul | BinOp::Div | BinOp::FloorDiv | BinOp::Mod => PREC_PRODUCT,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum GroupKind {
    /// The whole input of `parse_expr`: one expression or a bare tuple.
    Top,
    /// The argument list of the method call of `parse_call`.
    Call,
    /// The argument list of a nested `float(...)`.
    Float,
    /// `( ... )`: a parenthesised expression or a tuple.
    Paren,
    /// `[ ... ]`
    List,
}

impl GroupKind {
    /// What may follow a complete item of this group.
    pub(super) fn expected_after_item(self) -> &'static str {
        match self {
            GroupKind::Top => "end of input",
            GroupKind::Call | GroupKind::Float | GroupKind::Paren => "',' or ')'",
            GroupKind::List => "',' or ']'",
        }
    }

    pub(super) fn takes_keywords(self) -> bool {
        matches!(self, GroupKind::Call | GroupKind::Float)
    }

    pub(super) fn is_closed_by(self, tok: &Tok) -> bool {
        matches!(
            (self, tok),
            (
                GroupKind::Call | GroupKind::Float | GroupKind::Paren,
                Tok::RParen
            ) | (GroupKind::List, Tok::RBracket)
                | (GroupKind::Top, Tok::Eof)
        )
    }
}

#[derive(Debug)]
pub(super) struct Group {
    pub(super) kind: GroupKind,
    /// Offset of the token that opened the group.
    pub(super) offset: usize,
    pub(super) items: Vec<Expr>,
    pub(super) kwargs: Vec<(String, Expr)>,
    /// Whether an item has been ended by a comma.
    pub(super) comma: bool,
    /// The keyword (and its offset) of the argument being parsed, if any.
    pub(super) keyword: Option<(String, usize)>,
}

impl Group {
    pub(super) fn new(kind: GroupKind, offset: usize) -> Self {
        Group {
            kind,
            offset,
            items: Vec::new(),
            kwargs: Vec::new(),
            comma: false,
            keyword: None,
        }
    }

    /// Stores a complete item, as a keyword argument if one is pending.
    pub(super) fn push_item(&mut self, value: Expr) -> Result<(), ParseError> {
        match self.keyword.take() {
            Some((name, offset)) => {
                if self.kwargs.iter().any(|(k, _)| *k == name) {
                    return Err(ParseError::new(
                        offset,
                        format!("keyword argument repeated: {name}"),
                    ));
                }
                self.kwargs.push((name, value));
            }
            None => self.items.push(value),
        }
        Ok(())
    }
}

/// Something waiting on the parser's stack for what follows.
#[derive(Debug)]
pub(super) enum Frame {
    Group(Group),
    Unary { negate: bool, offset: usize },
    Binary { op: BinOp, lhs: Expr, offset: usize },
}

impl Frame {
    /// Whether the frame counts towards the nesting depth (the frames that a
    /// recursive parser would recurse for).
    pub(super) fn nests(&self) -> bool {
        match self {
            Frame::Group(g) => !matches!(g.kind, GroupKind::Top | GroupKind::Call),
            Frame::Unary { .. } => true,
            Frame::Binary { op, .. } => *op == BinOp::Pow,
        }
    }
}

/// The result of a parse.
pub(super) enum Finished {
    Expr(Expr),
    Call(Vec<Expr>, Vec<(String, Expr)>),
}

/// What the parser does next.
pub(super) enum Step {
    /// A complete value: continue in operator mode.
    Value(Expr),
    /// An operand is needed: continue in operand mode.
    Operand,
    /// The root group is complete.
    Done(Finished),
}

pub(super) struct Parser {
    pub(super) lexer: Lexer,
    pub(super) lookahead: VecDeque<Token>,
    pub(super) lex_error: Option<ParseError>,
    pub(super) stack: Vec<Frame>,
    pub(super) depth: usize,
}

pub(super) fn internal_error(offset: usize) -> ParseError {
    ParseError::new(offset, "internal parser error")
}

impl Parser {
    pub(super) fn new(src: &str) -> Self {
        Parser {
            lexer: Lexer::new(src),
            lookahead: VecDeque::new(),
            lex_error: None,
            stack: Vec::new(),
            depth: 0,
        }
    }

    pub(super) fn fill(&mut self, n: usize) -> Result<(), ParseError> {
        while self.lookahead.len() <= n {
            if let Some(e) = &self.lex_error {
                return Err(e.clone());
            }
            match self.lexer.next_token() {
                Ok(t) => self.lookahead.push_back(t),
                Err(e) => {
                    self.lex_error = Some(e.clone());
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    pub(super) fn peek(&mut self, n: usize) -> Result<&Token, ParseError> {
        self.fill(n)?;
        let pos = self.lexer.pos;
        self.lookahead.get(n).ok_or_else(|| internal_error(pos))
    }

    pub(super) fn next(&mut self) -> Result<Token, ParseError> {
        self.fill(0)?;
        let pos = self.lexer.pos;
        self.lookahead
            .pop_front()
            .ok_or_else(|| internal_error(pos))
    }

    pub(super) fn eat(&mut self, tok: &Tok) -> Result<bool, ParseError> {
        let found = self.peek(0)?.tok == *tok;
        if found {
            self.next()?;
        }
        Ok(found)
    }

    pub(super) fn describe(&self, t: &Token) -> String {
        let text = abbreviate(&self.lexer.text(t.offset, t.end));
        match &t.tok {
            Tok::Eof => "end of input".to_string(),
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) => format!("number {text}"),
            Tok::Str(_) => format!("string {text}"),
            Tok::Ident(n) if is_keyword(n) => format!("keyword '{n}'"),
            Tok::Ident(_) => format!("name '{text}'"),
            _ => format!("'{text}'"),
        }
    }

    pub(super) fn unexpected(&self, t: &Token, expected: &str) -> ParseError {
        ParseError::new(
            t.offset,
            format!("expected {expected} but found {}", self.describe(t)),
        )
    }

    pub(super) fn push(&mut self, frame: Frame, offset: usize) -> Result<(), ParseError> {
        if frame.nests() {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(ParseError::new(offset, "expression nested too deeply"));
            }
        }
        self.stack.push(frame);
        Ok(())
    }

    pub(super) fn pop(&mut self) -> Option<Frame> {
        let frame = self.stack.pop()?;
        if frame.nests() {
            self.depth = self.depth.saturating_sub(1);
        }
        Some(frame)
    }

    /// `[receiver '.']* name '(' arguments ')'` then end of input.
    pub(super) fn call(mut self) -> Result<Call, ParseError> {
        let mut path = self.dotted_path()?;
        let method = path.pop().expect("a path has a name");
        let t = self.next()?;
        if t.tok != Tok::LParen {
            return Err(self.unexpected(&t, &format!("'(' after the method name '{method}'")));
        }
        self.call_rest(method, t.offset)
    }

    /// `[receiver '.']* name ['(' arguments ')']` then end of input.
    pub(super) fn access(mut self) -> Result<Access, ParseError> {
        let path = self.dotted_path()?;
        let t = self.next()?;
        match t.tok {
            Tok::Eof => Ok(Access { path, call: None }),
            Tok::LParen => {
                let method = path.last().expect("a path has a name").clone();
                let call = self.call_rest(method, t.offset)?;
                Ok(Access {
                    path,
                    call: Some(call),
                })
            }
            _ => Err(self.unexpected(&t, "'(' or the end of input after a name")),
        }
    }

    /// `name ('.' name)*`: the dotted names before a call's parenthesis.
    fn dotted_path(&mut self) -> Result<Vec<String>, ParseError> {
        let first = self.next()?;
        let mut path = match first.tok {
            Tok::Eof => return Err(ParseError::new(first.offset, "empty call")),
            Tok::Ident(ref n) if !is_keyword(n) => vec![n.clone()],
            _ => return Err(self.unexpected(&first, "a method name such as rand(...)")),
        };
        while self.eat(&Tok::Dot)? {
            let t = self.next()?;
            match t.tok {
                Tok::Ident(n) if !is_keyword(&n) => path.push(n),
                _ => return Err(self.unexpected(&t, "a name after '.'")),
            }
        }
        Ok(path)
    }

    /// The arguments after a call's `(` at `offset`, then end of input.
    fn call_rest(&mut self, method: String, offset: usize) -> Result<Call, ParseError> {
        let Finished::Call(args, kwargs) = self.run(Group::new(GroupKind::Call, offset))? else {
            return Err(internal_error(offset));
        };
        let t = self.next()?;
        if t.tok != Tok::Eof {
            return Err(self.unexpected(&t, "end of input after the closing ')'"));
        }
        Ok(Call {
            method,
            args,
            kwargs,
        })
    }

    /// A whole input holding one expression, or a bare tuple `a, b, ...`.
    pub(super) fn top_expr(mut self) -> Result<Expr, ParseError> {
        match self.run(Group::new(GroupKind::Top, 0))? {
            Finished::Expr(e) => Ok(e),
            Finished::Call(..) => Err(internal_error(0)),
        }
    }

    /// Parses the contents of `root` up to and including its closing token.
    pub(super) fn run(&mut self, root: Group) -> Result<Finished, ParseError> {
        self.stack.push(Frame::Group(root));
        loop {
            let mut value = match self.operand()? {
                Step::Value(v) => v,
                Step::Operand => continue,
                Step::Done(f) => return Ok(f),
            };
            loop {
                match self.operator(value)? {
                    Step::Value(v) => value = v,
                    Step::Operand => break,
                    Step::Done(f) => return Ok(f),
                }
            }
        }
    }

    /// Operand mode: a prefix operator, an opening token, an atom, or (at the
    /// start of an item) a closing token or a `keyword=`.
    pub(super) fn operand(&mut self) -> Result<Step, ParseError> {
        // At the start of an item of the innermost group (no `keyword=`
        // pending), a closing token ends the group and keywords may appear.
        let item_start = match self.stack.last() {
            Some(Frame::Group(g)) if g.keyword.is_none() => {
                Some((g.kind, g.comma || !g.items.is_empty(), !g.kwargs.is_empty()))
            }
            _ => None,
        };
        if let Some((kind, has_items, has_kwargs)) = item_start {
            let t = self.peek(0)?;
            if kind.is_closed_by(&t.tok) {
                let t = self.next()?;
                if kind == GroupKind::Top && !has_items {
                    return Err(ParseError::new(t.offset, "empty expression"));
                }
                return self.close_group(None);
            }
            if kind.takes_keywords() {
                let offset = t.offset;
                let is_keyword_arg =
                    matches!(t.tok, Tok::Ident(_)) && self.peek(1)?.tok == Tok::Assign;
                if is_keyword_arg {
                    let Tok::Ident(name) = self.next()?.tok else {
                        return Err(internal_error(offset));
                    };
                    self.next()?; // '='
                    if is_keyword(&name) {
                        return Err(ParseError::new(
                            offset,
                            format!("keyword '{name}' cannot be used as an argument name"),
                        ));
                    }
                    if let Some(Frame::Group(g)) = self.stack.last_mut() {
                        g.keyword = Some((name, offset));
                    }
                } else if matches!(self.peek(0)?.tok, Tok::Star | Tok::DoubleStar) {
                    return Err(ParseError::new(
                        offset,
                        "argument unpacking (*args, **kwargs) is not supported",
                    ));
                } else if has_kwargs {
                    return Err(ParseError::new(
                        offset,
                        "positional argument follows keyword argument",
                    ));
                }
            }
        }

        let t = self.next()?;
        let offset = t.offset;
        let value = match t.tok {
            Tok::Minus | Tok::Plus => {
                let negate = t.tok == Tok::Minus;
                self.push(Frame::Unary { negate, offset }, offset)?;
                return Ok(Step::Operand);
            }
            Tok::Int(v) => match i128::try_from(v) {
                Ok(i) => Expr::Int(i),
                Err(_) => Expr::BigInt(BigInt::from(v)),
            },
            Tok::BigInt(v) => Expr::BigInt(BigInt::from(v)),
            Tok::Float(f) => Expr::Float(f),
            Tok::Str(mut s) => {
                // Adjacent string literals are concatenated, as in Python.
                while let Tok::Str(more) = &self.peek(0)?.tok {
                    s.push_str(more);
                    self.next()?;
                }
                Expr::Str(s)
            }
            Tok::Ident(name) => match self.name(name, offset)? {
                Some(v) => v,
                None => return Ok(Step::Operand),
            },
            Tok::LParen => {
                self.push(Frame::Group(Group::new(GroupKind::Paren, offset)), offset)?;
                return Ok(Step::Operand);
            }
            Tok::LBracket => {
                self.push(Frame::Group(Group::new(GroupKind::List, offset)), offset)?;
                return Ok(Step::Operand);
            }
            _ => return Err(self.unexpected(&t, "an expression")),
        };
        self.reject_trailer()?;
        Ok(Step::Value(value))
    }

    /// Operator mode, holding the complete value `value`.
    pub(super) fn operator(&mut self, value: Expr) -> Result<Step, ParseError> {
        let t = self.next()?;
        let op = match t.tok {
            Tok::Plus => Some(BinOp::Add),
            Tok::Minus => Some(BinOp::Sub),
            Tok::Star => Some(BinOp::Mul),
            Tok::Slash => Some(BinOp::Div),
            Tok::DoubleSlash => Some(BinOp::FloorDiv),
            Tok::Percent => Some(BinOp::Mod),
            Tok::DoubleStar => Some(BinOp::Pow),
            _ => None,
        };
        if let Some(op) = op {
            let lhs = self.reduce(value, Some(op))?;
            self.push(
                Frame::Binary {
                    op,
                    lhs,
                    offset: t.offset,
                },
                t.offset,
            )?;
            return Ok(Step::Operand);
        }
        let value = self.reduce(value, None)?;
        let kind = match self.stack.last() {
            Some(Frame::Group(g)) => g.kind,
            _ => return Err(internal_error(t.offset)),
        };
        if t.tok == Tok::Comma {
            if let Some(Frame::Group(g)) = self.stack.last_mut() {
                g.push_item(value)?;
                g.comma = true;
            }
            Ok(Step::Operand)
        } else if kind.is_closed_by(&t.tok) {
            self.close_group(Some(value))
        } else if t.tok == Tok::Assign && kind.takes_keywords() {
            Err(ParseError::new(
                t.offset,
                "a keyword argument name must be a plain identifier",
            ))
        } else {
            Err(self.unexpected(&t, kind.expected_after_item()))
        }
    }

    /// Folds the pending operators into `value`: all of them, or only those
    /// that bind at least as tightly as the `incoming` operator.
    pub(super) fn reduce(
        &mut self,
        mut value: Expr,
        incoming: Option<BinOp>,
    ) -> Result<Expr, ParseError> {
        loop {
            let precedence = match self.stack.last() {
                Some(Frame::Unary { .. }) => PREC_UNARY,
                Some(Frame::Binary { op, .. }) => op.precedence(),
                _ => break,
            };
            if let Some(op) = incoming {
                let p = op.precedence();
                // `**` is right-associative.
                if precedence < p || (precedence == p && op == BinOp::Pow) {
                    break;
                }
            }
            value = match self.pop() {
                Some(Frame::Unary { negate, offset }) => {
                    fold_unary(negate, &value).map_err(|m| ParseError::new(offset, m))?
                }
                Some(Frame::Binary { op, lhs, offset }) => {
                    fold_binop(op, &lhs, &value).map_err(|m| ParseError::new(offset, m))?
                }
                _ => return Err(internal_error(self.lexer.pos)),
            };
        }
        Ok(value)
    }

    /// Completes the innermost group, whose closing token was just consumed,
    /// with `last` as its final item if it has one.
    pub(super) fn close_group(&mut self, last: Option<Expr>) -> Result<Step, ParseError> {
        let Some(Frame::Group(mut g)) = self.pop() else {
            return Err(internal_error(self.lexer.pos));
        };
        if let Some(v) = last {
            g.push_item(v)?;
        }
        let single = !g.comma && g.items.len() == 1;
        let value = match g.kind {
            GroupKind::Top if single => return Ok(Step::Done(Finished::Expr(g.items.remove(0)))),
            GroupKind::Top => return Ok(Step::Done(Finished::Expr(Expr::Tuple(g.items)))),
            GroupKind::Call => return Ok(Step::Done(Finished::Call(g.items, g.kwargs))),
            GroupKind::Paren if single => g.items.remove(0),
            GroupKind::Paren => Expr::Tuple(g.items),
            GroupKind::List => Expr::List(g.items),
            GroupKind::Float => float_of_args(&g)?,
        };
        self.reject_trailer()?;
        Ok(Step::Value(value))
    }

    /// Fails if a complete value is followed by a call, an index or an
    /// attribute, none of which is supported there.
    pub(super) fn reject_trailer(&mut self) -> Result<(), ParseError> {
        let t = self.peek(0)?;
        let problem = match t.tok {
            Tok::LParen => "only names can be called",
            Tok::LBracket => "indexing and slicing are not supported",
            Tok::Dot => "attribute access is only supported on names",
            _ => return Ok(()),
        };
        Err(ParseError::new(t.offset, problem))
    }

    /// A name (already consumed) with its `.attr` parts: a named constant,
    /// `True`/`False`/`None`, or a `Name`. For `float(` it pushes a group and
    /// returns `None`.
    pub(super) fn name(
        &mut self,
        first: String,
        offset: usize,
    ) -> Result<Option<Expr>, ParseError> {
        match first.as_str() {
            "True" => return Ok(Some(Expr::Bool(true))),
            "False" => return Ok(Some(Expr::Bool(false))),
            "None" => return Ok(Some(Expr::None)),
            kw if is_keyword(kw) => {
                return Err(ParseError::new(
                    offset,
                    format!("the keyword '{kw}' is not supported here"),
                ))
            }
            _ => {}
        }
        let mut name = first;
        while self.eat(&Tok::Dot)? {
            let t = self.next()?;
            match t.tok {
                Tok::Ident(part) if !is_keyword(&part) => {
                    name.push('.');
                    name.push_str(&part);
                }
                _ => return Err(self.unexpected(&t, "a name after '.'")),
            }
        }
        if self.peek(0)?.tok == Tok::LParen {
            if name != "float" {
                return Err(ParseError::new(
                    offset,
                    format!("nested calls are not supported: {name}(...)"),
                ));
            }
            self.next()?;
            self.push(Frame::Group(Group::new(GroupKind::Float, offset)), offset)?;
            return Ok(None);
        }
        Ok(Some(match named_constant(&name) {
            Some(f) => Expr::Float(f),
            None => Expr::Name(name),
        }))
    }
}
