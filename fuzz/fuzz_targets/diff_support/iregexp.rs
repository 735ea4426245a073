//! A recognizer for the I-Regexp grammar of RFC 9485 section 3, written from the ABNF and
//! shared by nothing in the core, so `diff_jsonpath` can tell which patterns both JSONPath
//! implementations must treat alike (`serde_json_path` hands any pattern to the `regex` crate,
//! whose syntax is a superset).

/// Whether `pattern` is an I-Regexp (RFC 9485 section 3).
pub fn is_iregexp(pattern: &str) -> bool {
    let chars: Vec<char> = pattern.chars().collect();
    let mut at = 0;
    regexp(&chars, &mut at, 0) && at == chars.len()
}

/// The decoded string literals of a JSONPath query (RFC 9535 section 2.3.1.1), in order.
/// Undecodable ones are returned raw: the caller only uses them to over-approximate.
pub fn query_literals(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = query.chars();
    while let Some(c) = chars.next() {
        if c != '\'' && c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some(d) = chars.next() {
            match d {
                d if d == c => break,
                '\\' => match chars.next() {
                    Some('b') => lit.push('\u{8}'),
                    Some('f') => lit.push('\u{c}'),
                    Some('n') => lit.push('\n'),
                    Some('r') => lit.push('\r'),
                    Some('t') => lit.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        let unit = u32::from_str_radix(&hex, 16).unwrap_or(0xfffd);
                        lit.push(char::from_u32(unit).unwrap_or('\u{fffd}'));
                    }
                    Some(other) => lit.push(other),
                    None => break,
                },
                d => lit.push(d),
            }
        }
        out.push(lit);
    }
    out
}

const MAX_NESTING: usize = 64;

fn regexp(s: &[char], at: &mut usize, depth: usize) -> bool {
    if depth > MAX_NESTING {
        return false;
    }
    loop {
        // branch = *piece
        while let Some(&c) = s.get(*at) {
            if c == '|' || c == ')' {
                break;
            }
            if !piece(s, at, depth) {
                return false;
            }
        }
        if s.get(*at) == Some(&'|') {
            *at += 1;
            continue;
        }
        return true;
    }
}

fn piece(s: &[char], at: &mut usize, depth: usize) -> bool {
    if !atom(s, at, depth) {
        return false;
    }
    match s.get(*at) {
        Some('*' | '+' | '?') => {
            *at += 1;
            true
        }
        Some('{') => {
            *at += 1;
            if !digits(s, at) {
                return false;
            }
            if s.get(*at) == Some(&',') {
                *at += 1;
                let _ = digits(s, at);
            }
            if s.get(*at) == Some(&'}') {
                *at += 1;
                true
            } else {
                false
            }
        }
        _ => true,
    }
}

fn digits(s: &[char], at: &mut usize) -> bool {
    let start = *at;
    while s.get(*at).is_some_and(char::is_ascii_digit) {
        *at += 1;
    }
    *at > start
}

fn is_normal_char(c: char) -> bool {
    !matches!(c, '(' | ')' | '*' | '+' | '.' | '?' | '[' | '\\' | ']' | '{' | '|' | '}')
}

fn atom(s: &[char], at: &mut usize, depth: usize) -> bool {
    let Some(&c) = s.get(*at) else { return false };
    match c {
        '(' => {
            *at += 1;
            if !regexp(s, at, depth + 1) || s.get(*at) != Some(&')') {
                return false;
            }
            *at += 1;
            true
        }
        '.' => {
            *at += 1;
            true
        }
        '\\' => escape(s, at),
        '[' => class_expr(s, at),
        c if is_normal_char(c) => {
            *at += 1;
            true
        }
        _ => false,
    }
}

/// SingleCharEsc or charClassEsc, starting at the backslash.
fn escape(s: &[char], at: &mut usize) -> bool {
    match s.get(*at + 1) {
        Some('(' | ')' | '*' | '+' | '-' | '.' | '?' | '[' | '\\' | ']' | '^' | 'n' | 'r' | 't' | '{' | '|' | '}') => {
            *at += 2;
            true
        }
        Some('p' | 'P') => {
            *at += 2;
            category(s, at)
        }
        _ => false,
    }
}

fn category(s: &[char], at: &mut usize) -> bool {
    if s.get(*at) != Some(&'{') {
        return false;
    }
    let seconds: &str = match s.get(*at + 1) {
        Some('L') => "lmotu",
        Some('M') => "cen",
        Some('N') => "dlo",
        Some('P') => "cdefios",
        Some('Z') => "lps",
        Some('S') => "ckmo",
        Some('C') => "cfno",
        _ => return false,
    };
    *at += 2;
    if let Some(&c) = s.get(*at) {
        if seconds.contains(c) {
            *at += 1;
        }
    }
    if s.get(*at) == Some(&'}') {
        *at += 1;
        true
    } else {
        false
    }
}

/// charClassExpr = "[" [ "^" ] ( "-" / CCE1 ) *CCE1 [ "-" ] "]"
fn class_expr(s: &[char], at: &mut usize) -> bool {
    *at += 1;
    if s.get(*at) == Some(&'^') {
        *at += 1;
    }
    if s.get(*at) == Some(&'-') {
        *at += 1;
    } else if !cce1(s, at) {
        return false;
    }
    loop {
        match s.get(*at) {
            Some(']') => {
                *at += 1;
                return true;
            }
            Some('-') => {
                *at += 1;
                if s.get(*at) == Some(&']') {
                    *at += 1;
                    return true;
                }
                return false;
            }
            Some(_) => {
                if !cce1(s, at) {
                    return false;
                }
            }
            None => return false,
        }
    }
}

/// CCE1 = ( CCchar [ "-" CCchar ] ) / charClassEsc
fn cce1(s: &[char], at: &mut usize) -> bool {
    if s.get(*at) == Some(&'\\') && matches!(s.get(*at + 1), Some('p' | 'P')) {
        return escape(s, at);
    }
    if !cc_char(s, at) {
        return false;
    }
    // A '-' followed by ']' ends the class instead of making a range.
    if s.get(*at) == Some(&'-') && s.get(*at + 1) != Some(&']') {
        *at += 1;
        return cc_char(s, at);
    }
    true
}

fn cc_char(s: &[char], at: &mut usize) -> bool {
    match s.get(*at) {
        Some('\\') => {
            if matches!(s.get(*at + 1), Some('p' | 'P')) {
                return false;
            }
            escape(s, at)
        }
        Some('-' | '[' | ']') | None => false,
        Some(_) => {
            *at += 1;
            true
        }
    }
}
