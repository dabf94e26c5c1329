//! A small, strict JSON reader for language packs: works natively and in
//! wasm without serde_json (whose size the wasm cannot afford). Numbers are
//! kept as their text: packs hold words, not arithmetic.

/// A JSON value. Objects keep their keys in document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true`, `false`
    Bool(bool),
    /// A number, as written (checked against the JSON grammar).
    Num(String),
    /// A string, escapes resolved.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object: `(key, value)` in document order, keys unique.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// Parses a whole document. Errors say what and where (`line 3, column 7: …`).
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut p = Parser { s: text.as_bytes(), i: 0, text };
        p.ws();
        let v = p.value(0)?;
        p.ws();
        if p.i < p.s.len() {
            return Err(p.err("text after the end of the document"));
        }
        Ok(v)
    }

    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(kv) => kv.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Adds to an object every key of `other` it lacks, and fills its
    /// objects from `other`'s in the same way, key by key (a pack's page
    /// strings from English's). A key it has keeps its value.
    pub fn fill_from(&mut self, other: &Json) {
        let (Json::Obj(mine), Json::Obj(theirs)) = (self, other) else { return };
        for (k, v) in theirs {
            match mine.iter_mut().find(|(m, _)| m == k) {
                Some((_, own)) => own.fill_from(v),
                None => mine.push((k.clone(), v.clone())),
            }
        }
    }

    /// The entries of an object (empty for anything else).
    pub fn entries(&self) -> &[(String, Json)] {
        match self {
            Json::Obj(kv) => kv,
            _ => &[],
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    text: &'a str,
}

/// Nesting deeper than this is an error, not a stack overflow.
const MAX_DEPTH: usize = 64;

impl Parser<'_> {
    fn err(&self, what: &str) -> String {
        let end = (0..=self.i.min(self.text.len())).rev().find(|&k| self.text.is_char_boundary(k)).unwrap_or(0);
        let before = &self.text[..end];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("line {line}, column {col}: {what}")
    }

    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.err("nested too deeply"));
        }
        match self.s.get(self.i) {
            None => Err(self.err("unexpected end of the document")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("null") => Ok(Json::Null),
            _ if self.eat("true") => Ok(Json::Bool(true)),
            _ if self.eat("false") => Ok(Json::Bool(false)),
            _ => Err(self.err("expected a value (object, array, string, number, true, false or null)")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, String> {
        self.i += 1;
        let mut kv: Vec<(String, Json)> = Vec::new();
        self.ws();
        if self.eat("}") {
            return Ok(Json::Obj(kv));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.err("expected a key in double quotes"));
            }
            let at = self.i;
            let key = self.string()?;
            if kv.iter().any(|(k, _)| *k == key) {
                self.i = at;
                return Err(self.err(&format!("key '{key}' appears twice")));
            }
            self.ws();
            if !self.eat(":") {
                return Err(self.err("expected ':' after the key"));
            }
            self.ws();
            let v = self.value(depth + 1)?;
            kv.push((key, v));
            self.ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("}") {
                return Ok(Json::Obj(kv));
            }
            return Err(self.err("expected ',' or '}'"));
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, String> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat("]") {
            return Ok(Json::Arr(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("]") {
                return Ok(Json::Arr(items));
            }
            return Err(self.err("expected ',' or ']'"));
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let h = self.s.get(self.i..self.i + 4).and_then(|h| std::str::from_utf8(h).ok());
        match h.and_then(|h| u32::from_str_radix(h, 16).ok().filter(|_| h.bytes().all(|b| b.is_ascii_hexdigit()))) {
            Some(v) => {
                self.i += 4;
                Ok(v)
            }
            None => Err(self.err("\\u needs four hex digits")),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while self.i < self.s.len() && !matches!(self.s[self.i], b'"' | b'\\' | 0..=0x1f) {
                self.i += 1;
            }
            // The input is a &str and we stop only at ASCII bytes: a char boundary.
            out.push_str(&self.text[start..self.i]);
            match self.s.get(self.i) {
                None => return Err(self.err("unterminated string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let Some(&c) = self.s.get(self.i) else { return Err(self.err("unterminated string")) };
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&hi) {
                                if !self.eat("\\u") {
                                    return Err(self.err("a high surrogate must be followed by a low one"));
                                }
                                let lo = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&lo) {
                                    return Err(self.err("a high surrogate must be followed by a low one"));
                                }
                                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                            } else {
                                hi
                            };
                            match char::from_u32(code) {
                                Some(ch) => out.push(ch),
                                None => return Err(self.err("a lone surrogate is not a character")),
                            }
                        }
                        _ => {
                            self.i -= 1;
                            return Err(self.err("unknown escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"));
                        }
                    }
                }
                Some(_) => return Err(self.err("control character in a string (escape it)")),
            }
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let s = p.i;
            while p.i < p.s.len() && p.s[p.i].is_ascii_digit() {
                p.i += 1;
            }
            p.i > s
        };
        self.eat("-");
        if self.eat("0") {
        } else if !digits(self) {
            return Err(self.err("a number needs digits"));
        }
        if self.eat(".") && !digits(self) {
            return Err(self.err("a number needs digits after '.'"));
        }
        if self.eat("e") || self.eat("E") {
            let _ = self.eat("+") || self.eat("-");
            if !digits(self) {
                return Err(self.err("a number needs digits in its exponent"));
            }
        }
        Ok(Json::Num(self.text[start..self.i].to_string()))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn values_nesting_and_order() {
        let v = Json::parse(" {\"b\": [1, -2.5e3, true, false, null], \"a\": {\"x\": \"y\"}} ").unwrap();
        assert_eq!(v.entries()[0].0, "b");
        assert_eq!(
            v.get("b"),
            Some(&Json::Arr(vec![
                Json::Num("1".into()),
                Json::Num("-2.5e3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ]))
        );
        assert_eq!(v.get("a").and_then(|a| a.get("x")).and_then(Json::as_str), Some("y"));
        assert_eq!(Json::parse("[]").unwrap(), Json::Arr(vec![]));
        assert_eq!(Json::parse("{}").unwrap(), Json::Obj(vec![]));
    }

    #[test]
    fn fill_from_adds_missing_keys_at_every_depth() {
        let mut pack = Json::parse(r#"{"a": "A'", "views": {"world": "W'"}, "extra": 1, "s": "x"}"#).unwrap();
        let en = Json::parse(r#"{"a": "A", "b": "B", "views": {"world": "W", "europe": "E"}, "s": {"t": "T"}}"#).unwrap();
        pack.fill_from(&en);
        let want = r#"{"a": "A'", "views": {"world": "W'", "europe": "E"}, "extra": 1, "s": "x", "b": "B"}"#;
        assert_eq!(pack, Json::parse(want).unwrap(), "own values stay, even of another shape");
        let mut not_an_object = Json::Str("x".into());
        not_an_object.fill_from(&en);
        assert_eq!(not_an_object, Json::Str("x".into()));
    }

    #[test]
    fn escapes_and_unicode() {
        let v = Json::parse(r#""a\"b\\c\/d\b\f\n\r\t \u00e9 \u0639 \ud83d\ude00 عضو""#).unwrap();
        assert_eq!(v.as_str(), Some("a\"b\\c/d\u{8}\u{c}\n\r\t é ع 😀 عضو"));
    }

    #[test]
    fn errors_say_what_and_where() {
        let e = |t: &str| Json::parse(t).unwrap_err();
        assert_eq!(e("{\"a\": 1,\n \"a\": 2}"), "line 2, column 2: key 'a' appears twice");
        assert_eq!(e("{\"a\" 1}"), "line 1, column 6: expected ':' after the key");
        assert_eq!(e("[1, 2"), "line 1, column 6: expected ',' or ']'");
        assert_eq!(e("\"abc"), "line 1, column 5: unterminated string");
        assert_eq!(e("\"a\\qb\""), "line 1, column 4: unknown escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        assert_eq!(e("\"\\u12\""), "line 1, column 4: \\u needs four hex digits");
        assert_eq!(e("\"\\ud800x\""), "line 1, column 8: a high surrogate must be followed by a low one");
        assert_eq!(e("\"\\udc00\""), "line 1, column 8: a lone surrogate is not a character");
        assert_eq!(e("\"a\nb\""), "line 1, column 3: control character in a string (escape it)");
        assert_eq!(e("{} x"), "line 1, column 4: text after the end of the document");
        assert_eq!(e("-"), "line 1, column 2: a number needs digits");
        assert_eq!(e("1."), "line 1, column 3: a number needs digits after '.'");
        assert_eq!(e(""), "line 1, column 1: unexpected end of the document");
        assert_eq!(e("{'a': 1}"), "line 1, column 2: expected a key in double quotes");
        assert_eq!(e("nul"), "line 1, column 1: expected a value (object, array, string, number, true, false or null)");
        assert!(e(&"[".repeat(100)).ends_with("nested too deeply"));
        assert_eq!(e("\"é\u{1}\""), "line 1, column 3: control character in a string (escape it)");
    }
}
