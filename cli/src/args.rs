//! A small, strict argument parser: `--name value` options, bare `--flag`s and positional
//! arguments. An option may be given once unless the command declares it repeatable.

use crate::Failure;

/// Parsed arguments of one subcommand.
#[derive(Debug, Default)]
pub struct Args {
    options: Vec<(String, String)>,
    flags: Vec<String>,
    positional: Vec<String>,
}

impl Args {
    /// Parses `argv`, accepting only the option names in `known` (each takes one value, given
    /// as `--name value` or `--name=value`). `--` ends option parsing.
    pub fn parse(argv: &[String], known: &[&str]) -> Result<Self, Failure> {
        Self::parse_spec(argv, known, &[], &[])
    }

    /// As [`Args::parse`], and: the options in `repeatable` (also listed in `known`) may be
    /// given several times (read them with [`Args::values`]); the names in `flags` are bare
    /// switches that take no value (read them with [`Args::flag`]; `--flag=x` is refused).
    pub fn parse_spec(argv: &[String], known: &[&str], repeatable: &[&str], flags: &[&str]) -> Result<Self, Failure> {
        let mut args = Args::default();
        let mut it = argv.iter();
        let mut only_positional = false;
        while let Some(a) = it.next() {
            if only_positional || !a.starts_with("--") || a == "-" {
                args.positional.push(a.clone());
                continue;
            }
            if a == "--" {
                only_positional = true;
                continue;
            }
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) => (n.trim_start_matches("--"), Some(v.to_owned())),
                None => (a.trim_start_matches("--"), None),
            };
            if flags.contains(&name) {
                if inline.is_some() {
                    return Err(Failure::usage(format!("option '--{name}' takes no value")));
                }
                if !args.flags.iter().any(|f| f == name) {
                    args.flags.push(name.to_owned());
                }
                continue;
            }
            if !known.contains(&name) && !repeatable.contains(&name) {
                return Err(Failure::usage(format!("unknown option '--{name}'")));
            }
            let value = match inline {
                Some(v) => v,
                None => it.next().cloned().ok_or_else(|| Failure::usage(format!("option '--{name}' needs a value")))?,
            };
            if !repeatable.contains(&name) && args.options.iter().any(|(n, _)| n == name) {
                return Err(Failure::usage(format!("option '--{name}' given twice")));
            }
            args.options.push((name.to_owned(), value));
        }
        Ok(args)
    }

    /// The value of option `name`, if given.
    pub fn opt(&self, name: &str) -> Option<&str> {
        self.options.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Every value of a repeatable option, in command-line order.
    pub fn values(&self, name: &str) -> Vec<&str> {
        self.options.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str()).collect()
    }

    /// Whether the bare flag `--name` was given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// The value of a required option.
    pub fn req(&self, name: &str) -> Result<&str, Failure> {
        self.opt(name).ok_or_else(|| Failure::usage(format!("missing required option '--{name}'")))
    }

    /// The single optional positional argument (more than `max` is a usage error).
    pub fn positional(&self, max: usize) -> Result<Option<&str>, Failure> {
        if self.positional.len() > max {
            return Err(Failure::usage(format!("too many arguments: {}", self.positional.join(" "))));
        }
        Ok(self.positional.first().map(String::as_str))
    }

    /// All positional arguments, at most `max` (more is a usage error).
    pub fn positionals(&self, max: usize) -> Result<Vec<&str>, Failure> {
        if self.positional.len() > max {
            return Err(Failure::usage(format!("too many arguments: {}", self.positional.join(" "))));
        }
        Ok(self.positional.iter().map(String::as_str).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_both_forms() {
        let a = Args::parse(&v(&["--flow", "qr", "--x=1", "pos"]), &["flow", "x"]).unwrap();
        assert_eq!(a.opt("flow"), Some("qr"));
        assert_eq!(a.opt("x"), Some("1"));
        assert_eq!(a.positional(1).unwrap(), Some("pos"));
        assert!(Args::parse(&v(&["--nope", "1"]), &["flow"]).is_err());
        assert!(Args::parse(&v(&["--flow"]), &["flow"]).is_err());
        assert!(Args::parse(&v(&["--flow", "a", "--flow", "b"]), &["flow"]).is_err());
        assert!(Args::parse(&v(&["a", "b"]), &[]).unwrap().positional(1).is_err());
        assert_eq!(Args::parse(&v(&["--", "--flow"]), &["flow"]).unwrap().positional(1).unwrap(), Some("--flow"));
        assert_eq!(Args::parse(&v(&["$.a", "f"]), &[]).unwrap().positionals(2).unwrap(), ["$.a", "f"]);
        assert!(Args::parse(&v(&["a", "b", "c"]), &[]).unwrap().positionals(2).is_err());
    }

    #[test]
    fn repeated_options_and_flags() {
        let a = Args::parse_spec(&v(&["--s", "a", "--only", "--s=b", "--x", "1", "p"]), &["s", "x"], &["s"], &["only"])
            .unwrap();
        assert_eq!(a.values("s"), ["a", "b"]);
        assert_eq!(a.values("x"), ["1"]);
        assert!(a.flag("only") && !a.flag("x"));
        assert_eq!(a.positional(1).unwrap(), Some("p"));
        assert!(Args::parse_spec(&v(&["--x", "1", "--x", "2"]), &["x"], &["s"], &[]).is_err());
        assert!(Args::parse_spec(&v(&["--only=yes"]), &[], &[], &["only"]).is_err());
        assert!(Args::parse_spec(&v(&["--other"]), &[], &[], &["only"]).is_err());
    }
}
