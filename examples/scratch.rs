fn main() {
    let mut rs = nprand::RandomState::new(12345);
    println!("{:?}", rs.rand(&[3]));
    println!("{:?}", rs.randn(&[3]));
    let mut v = [0u8; 6]; rs.randint_into(&mut v, 0, 200).unwrap(); println!("{:?}", v);
    let mut w = [0i64; 3]; rs.randint_into(&mut w, -(1i128<<62), 1i128<<62).unwrap(); println!("{:?}", w);
    println!("{:?}", rs.choice_index(10, 4, false, Some(&[0.1;10])).unwrap());
    println!("{:?}", rs.permutation(7));
    println!("{:?}", rs.bytes(5));
    let mut r = nprand::RandomState::from_key(&(0..625).collect::<Vec<u32>>()).unwrap(); println!("{}", r.random_sample());
    let st = rs.get_state(); println!("{} {} {}", st.pos, st.has_gauss, st.gauss);
}
