//! Name helpers: snake_case codes and "did you mean" suggestions.

/// `NotFound` → `not_found`, `HTTPVersion` → `http_version`, `Error404` → `error404`.
pub(crate) fn snake_case(name: &str) -> String {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1);
            let boundary = match prev {
                None | Some('_') => false,
                Some(p) if p.is_lowercase() || p.is_ascii_digit() => true,
                Some(p) => p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()),
            };
            if boundary {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The candidate closest to `input` by edit distance, if it is close enough to be a typo.
pub(crate) fn did_you_mean<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let input = input.to_ascii_uppercase();
    let limit = (input.len() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for &candidate in candidates {
        let d = distance(&input, &candidate.to_ascii_uppercase());
        // The first of equally close candidates wins.
        if d <= limit && best.is_none_or(|(closest, _)| d < closest) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row = vec![0; b.len() + 1];
    for (j, cell) in row.iter_mut().enumerate() {
        *cell = j;
    }
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Tokens as text without the spaces `to_string` puts between them: `a::b`, `&'a str`.
pub(crate) fn spaceless(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c != ' ' {
            out.push(c);
        }
    }
    out
}

/// Appends `item` to a comma-separated list, for messages that name several things.
pub(crate) fn push_item(list: &mut String, item: &str) {
    if !list.is_empty() {
        list.push_str(", ");
    }
    list.push_str(item);
}
