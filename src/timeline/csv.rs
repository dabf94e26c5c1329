//! A small, strict CSV reader (RFC 4180 style): comma separated, `"` quoting with `""` as an
//! escaped quote, quoted fields may hold commas and newlines, `\n` or `\r\n` line ends.
//!
//! Strict means: a quote inside an unquoted field, text after a closing quote, an unterminated
//! quote, a row with the wrong number of fields, an unknown or repeated column are errors that
//! name the file and line. A leading UTF-8 byte order mark is skipped (spreadsheets write one).

use super::error::TimelineError;

/// One parsed file: its header and its data rows.
#[derive(Debug)]
pub(crate) struct Table<'a> {
    file: &'a str,
    header: Vec<String>,
    /// Indices of the language columns (`name_ru`, `caption_ar`, …).
    texts: Vec<usize>,
    rows: Vec<Row>,
}

/// A data row with the line it starts on.
#[derive(Debug)]
pub(crate) struct Row {
    /// 1-based line number of the row's first character.
    pub line: usize,
    fields: Vec<String>,
}

/// Splits `text` into records of fields, each with its starting line.
///
/// It works on bytes and copies each field once, as a slice (a quoted field
/// is copied in pieces between its doubled quotes): the embedded timeline is
/// read when a page first draws its map, on the engine's first-tier code,
/// where reading it a character at a time cost most of building the map's
/// timeline. A `\r` before a line end outside quotes is dropped; a blank line
/// is no record.
fn records(file: &str, text: &str) -> Result<Vec<(usize, Vec<String>)>, TimelineError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let err = |line: usize, what: &str| TimelineError::new(format!("{file} line {line}: {what}"));
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < b.len() {
        let record_line = line;
        let mut fields: Vec<String> = Vec::new();
        let mut quoted_any = false;
        // One field per turn; the record ends at a line end or the text's end.
        loop {
            let field = if b[i..].first() == Some(&b'"') {
                quoted_any = true;
                let (mut field, mut from, mut j) = (String::new(), i + 1, i + 1);
                loop {
                    match b.get(j) {
                        None => return Err(err(record_line, "unterminated quoted field")),
                        Some(b'"') if b.get(j + 1) == Some(&b'"') => {
                            field.push_str(&text[from..=j]);
                            j += 2;
                            from = j;
                        }
                        Some(b'"') => break,
                        Some(c) => {
                            line += usize::from(*c == b'\n');
                            j += 1;
                        }
                    }
                }
                field.push_str(&text[from..j]);
                i = j + 1;
                match (b.get(i), b.get(i + 1)) {
                    (None | Some(b',' | b'\n'), _) | (Some(b'\r'), Some(b'\n')) => {}
                    _ => return Err(err(line, "text after a closing quote")),
                }
                field
            } else {
                let from = i;
                while i < b.len() && !matches!(b[i], b',' | b'\n' | b'"') {
                    i += 1;
                }
                if b.get(i) == Some(&b'"') {
                    return Err(err(line, "a quote inside an unquoted field (quote the whole field and double the quote)"));
                }
                let to = if b.get(i) == Some(&b'\n') && i > from && b[i - 1] == b'\r' { i - 1 } else { i };
                text[from..to].to_string()
            };
            fields.push(field);
            if b.get(i) == Some(&b'\r') {
                i += 1; // the \r of a \r\n after a closing quote
            }
            match b.get(i) {
                Some(b',') => i += 1,
                Some(b'\n') => {
                    i += 1;
                    line += 1;
                    break;
                }
                _ => break,
            }
            if i == b.len() {
                fields.push(String::new()); // a trailing comma ends with an empty field
                break;
            }
        }
        if quoted_any || fields.len() > 1 || !fields[0].is_empty() {
            out.push((record_line, fields));
        }
    }
    Ok(out)
}

impl<'a> Table<'a> {
    /// Parses `text` (named `file` in messages), checking the header against the `required`
    /// and `optional` column names; a column `<prefix><language code>` for any of
    /// `lang_prefixes` (`name_ru`, `caption_fr`) is a language column.
    pub fn parse(
        file: &'a str,
        text: &str,
        required: &[&str],
        optional: &[&str],
        lang_prefixes: &[&str],
    ) -> Result<Table<'a>, TimelineError> {
        let mut recs = records(file, text)?.into_iter();
        let Some((_, header)) = recs.next() else {
            return Err(TimelineError::new(format!(
                "{file}: empty file (expected a header line)"
            )));
        };
        let mut texts = Vec::new();
        for (i, h) in header.iter().enumerate() {
            let lang = crate::lang::is_text_key(h, lang_prefixes);
            if lang {
                texts.push(i);
            }
            if !lang && !required.contains(&h.as_str()) && !optional.contains(&h.as_str()) {
                let mut known: Vec<String> = required.iter().chain(optional).map(|s| s.to_string()).collect();
                known.extend(lang_prefixes.iter().map(|p| format!("{p}<language>")));
                return Err(TimelineError::new(format!(
                    "{file} line 1: unknown column '{h}' (known: {})",
                    known.join(", ")
                )));
            }
            if header[..i].contains(h) {
                return Err(TimelineError::new(format!(
                    "{file} line 1: column '{h}' appears twice"
                )));
            }
        }
        if let Some(missing) = required.iter().find(|r| !header.iter().any(|h| h == *r)) {
            return Err(TimelineError::new(format!(
                "{file} line 1: missing column '{missing}'"
            )));
        }
        let mut rows = Vec::new();
        for (line, fields) in recs {
            if fields.len() != header.len() {
                return Err(TimelineError::new(format!(
                    "{file} line {line}: {} fields, expected {} ({})",
                    fields.len(),
                    header.len(),
                    header.join(",")
                )));
            }
            rows.push(Row { line, fields });
        }
        Ok(Table { file, header, texts, rows })
    }

    /// The data rows.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The value of column `name` in `row` (empty if the optional column is absent).
    pub fn get<'r>(&self, row: &'r Row, name: &str) -> &'r str {
        match self.header.iter().position(|h| h == name) {
            Some(i) => row.fields[i].as_str(),
            None => "",
        }
    }

    /// The row's non-empty language columns, by column name.
    pub fn texts(&self, row: &Row) -> super::doc::Texts {
        // Inserted one by one: collecting into a BTreeMap sorts with the
        // stable sort, kilobytes of wasm for a handful of keys.
        let mut out = super::doc::Texts::new();
        for &i in self.texts.iter().filter(|&&i| !row.fields[i].is_empty()) {
            out.insert(self.header[i].clone(), row.fields[i].clone());
        }
        out
    }

    /// An error naming this file and the row's line.
    pub fn error(&self, row: &Row, what: impl std::fmt::Display) -> TimelineError {
        TimelineError::new(format!("{} line {}: {what}", self.file, row.line))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Table<'static>, TimelineError> {
        Table::parse("t.csv", text, &["a", "b"], &["c"], &["name_"])
    }

    #[test]
    fn quoted_fields_commas_newlines_and_quotes() {
        let t = parse("\u{feff}a,b\r\n1,\"x, \"\"y\"\"\"\n\"multi\nline\",\n\n3,4").unwrap();
        let r = t.rows();
        assert_eq!(r.len(), 3);
        assert_eq!(t.get(&r[0], "b"), "x, \"y\"");
        assert_eq!(t.get(&r[1], "a"), "multi\nline");
        assert_eq!(t.get(&r[1], "b"), "");
        assert_eq!(r[2].line, 6);
        assert_eq!(t.get(&r[2], "c"), "");
    }

    /// A field as a CSV writer would write it: quoted when it must be.
    fn write_field(f: &str) -> String {
        if f.contains([',', '"', '\n', '\r']) || f.is_empty() {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.to_string()
        }
    }

    proptest::proptest! {
        #[test]
        fn any_table_reads_back_as_written(
            rows in proptest::collection::vec(proptest::collection::vec("[a-c ,\"\n\r\u{e9}\u{645}]{0,6}", 3), 0..8),
            crlf in proptest::bool::ANY,
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = format!("a,b,c{end}");
            for r in &rows {
                text.push_str(&r.iter().map(|f| write_field(f)).collect::<Vec<_>>().join(","));
                text.push_str(end);
            }
            let t = parse(&text).unwrap();
            let got: Vec<Vec<String>> = t.rows().iter().map(|r| ["a", "b", "c"].iter().map(|c| t.get(r, c).to_string()).collect()).collect();
            proptest::prop_assert_eq!(got, rows);
        }
    }

    #[test]
    fn blank_lines_trailing_commas_and_line_numbers() {
        let t = parse("a,b,c\n\n1,2,\n\r\n\"\",,3\n4,\"5\r\n6\",7").unwrap();
        let r = t.rows();
        assert_eq!(r.len(), 3);
        assert_eq!((r[0].line, t.get(&r[0], "c")), (3, ""));
        assert_eq!((r[1].line, t.get(&r[1], "a"), t.get(&r[1], "c")), (5, "", "3"));
        assert_eq!((r[2].line, t.get(&r[2], "b"), t.get(&r[2], "c")), (6, "5\r\n6", "7"));
    }

    #[test]
    fn language_columns_by_prefix() {
        let t = parse("a,b,name_ru,name_pt-br\n1,2,x,\n").unwrap();
        let texts = t.texts(&t.rows()[0]);
        assert_eq!(texts.into_iter().collect::<Vec<_>>(), [("name_ru".to_string(), "x".to_string())]);
    }

    #[test]
    fn strict_errors_name_the_line() {
        let e = |t: &str| parse(t).unwrap_err().to_string();
        assert_eq!(e("a,b\n1,2\n3"), "t.csv line 3: 1 fields, expected 2 (a,b)");
        assert_eq!(e("a,b\n1,x\"y"), "t.csv line 2: a quote inside an unquoted field (quote the whole field and double the quote)");
        assert_eq!(
            e("a,b\n1,\"x\"y"),
            "t.csv line 2: text after a closing quote"
        );
        assert_eq!(
            e("a,b\n1,\"open"),
            "t.csv line 2: unterminated quoted field"
        );
        assert_eq!(
            e("a,d\n"),
            "t.csv line 1: unknown column 'd' (known: a, b, c, name_<language>)"
        );
        assert_eq!(e("a,b,name_X\n"), "t.csv line 1: unknown column 'name_X' (known: a, b, c, name_<language>)");
        assert_eq!(e("a\n"), "t.csv line 1: missing column 'b'");
        assert_eq!(e("a,b,a\n"), "t.csv line 1: column 'a' appears twice");
        assert_eq!(e(""), "t.csv: empty file (expected a header line)");
    }
}
