//! Turning PATH arguments, folders and `--files-from` lists into the
//! ordered list of inputs of a run.
//!
//! Folders are walked with the `ignore` crate (the walker behind ripgrep)
//! with all of its filtering off — no `.gitignore`, `.ignore` or hidden-file
//! rules, every file is considered — following symbolic links, entries
//! sorted by name, each folder's contents right after it. A folder link
//! that leads back to one of its own parents is reported, not followed
//! again. Which files are taken from folders is a [`Select`]: the default
//! extensions, or `--glob` patterns (`globset`).

use globset::{Candidate, GlobBuilder, GlobSet, GlobSetBuilder};
use plantab_model::ErrorCode;
use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Extensions taken from folders when no `--glob` is given.
pub const INPUT_EXTENSIONS: [&str; 8] =
    ["pdf", "txt", "text", "md", "markdown", "tsv", "html", "htm"];

/// One input of a run, in run order.
#[derive(Debug)]
pub enum Input {
    /// A file to read.
    File(PathBuf),
    /// A path that could not be listed or opened: an error for that path.
    Failed {
        /// The path as found.
        path: PathBuf,
        /// What went wrong.
        error: InputError,
    },
}

impl Input {
    /// The path as named or found.
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) => p,
            Input::Failed { path, .. } => path,
        }
    }
}

/// Why a path named or found in a folder is not an input.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path could not be opened (gone, permission denied, a link to
    /// itself or in a cycle of links).
    #[error("cannot open")]
    Open(#[source] std::io::Error),
    /// A folder (a link to one) leading back to one of its own parents.
    #[error("symlink loop: leads back to {}", .0.display())]
    Loop(PathBuf),
    /// A folder that could not be listed.
    #[error("cannot list folder")]
    List(#[source] std::io::Error),
    /// Any other failure of the folder walk.
    #[error("cannot walk the folder")]
    Walk(#[source] ignore::Error),
}

impl InputError {
    /// The stable error code: `symlink_loop` for a loop of links (a folder
    /// leading back to a parent, a link to itself), else `io`.
    pub fn code(&self) -> ErrorCode {
        match self {
            InputError::Loop(_) => ErrorCode::SymlinkLoop,
            InputError::Open(e) if is_loop(e) => ErrorCode::SymlinkLoop,
            _ => ErrorCode::Io,
        }
    }
}

/// ELOOP: "too many levels of symbolic links" (40 on Linux, 62 on the
/// BSDs and macOS).
fn is_loop(e: &std::io::Error) -> bool {
    let eloop = if cfg!(target_os = "linux") { 40 } else { 62 };
    cfg!(unix) && e.raw_os_error() == Some(eloop)
}

/// A `--glob` pattern that does not compile.
#[derive(Debug, thiserror::Error)]
pub enum GlobError {
    /// An empty pattern.
    #[error("empty --glob pattern")]
    Empty,
    /// A pattern `globset` refused (an unclosed `{`, …).
    #[error("--glob")]
    Bad(#[source] globset::Error),
}

/// Which files found in folders are inputs (files named directly or listed
/// are always taken).
#[derive(Debug, Clone, Default)]
pub struct Select {
    /// `None`: by extension ([`INPUT_EXTENSIONS`], any case).
    globs: Option<Globs>,
}

/// Compiled `--glob` patterns: `*` (any run of characters except `/`),
/// `**` (as a whole path component: any run of folders), `?`, `[a-z]`,
/// `[!a-z]`, `{a,b}`; case-sensitive. A pattern holding `/` is matched
/// against the path below the folder named, the others against the file
/// name.
#[derive(Debug, Clone)]
struct Globs {
    /// Patterns without `/`.
    name: GlobSet,
    /// Patterns with `/`.
    path: GlobSet,
}

impl Select {
    /// Files whose extension is one of [`INPUT_EXTENSIONS`].
    pub fn by_extension() -> Select {
        Select { globs: None }
    }

    /// Files matching one of `patterns` (the default extensions when there
    /// is none).
    pub fn globs<S: AsRef<str>>(patterns: &[S]) -> Result<Select, GlobError> {
        if patterns.is_empty() {
            return Ok(Select::by_extension());
        }
        let mut name = GlobSetBuilder::new();
        let mut path = GlobSetBuilder::new();
        for p in patterns {
            let p = p.as_ref();
            if p.is_empty() {
                return Err(GlobError::Empty);
            }
            let glob = GlobBuilder::new(p)
                .literal_separator(true)
                .allow_unclosed_class(true)
                .build()
                .map_err(GlobError::Bad)?;
            if p.contains('/') {
                path.add(glob);
            } else {
                name.add(glob);
            }
        }
        Ok(Select {
            globs: Some(Globs {
                name: name.build().map_err(GlobError::Bad)?,
                path: path.build().map_err(GlobError::Bad)?,
            }),
        })
    }

    /// Whether `file`, found below the folder `root` named on the command
    /// line, is an input.
    pub fn wanted(&self, file: &Path, root: &Path) -> bool {
        let Some(g) = &self.globs else {
            return file
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| INPUT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        };
        if let Some(name) = file.file_name() {
            if g.name.is_match(Path::new(name)) {
                return true;
            }
        }
        !g.path.is_empty()
            && g.path
                .is_match_candidate(&Candidate::new(relative(file, root)))
    }
}

/// `file`'s path below `root`.
fn relative<'a>(file: &'a Path, root: &Path) -> &'a Path {
    file.strip_prefix(root).unwrap_or(file)
}

/// The path that names standard input: one input read from it.
pub const STDIN: &str = "-";

/// An input's bytes: the file's, or standard input's for [`STDIN`].
pub fn read_input(file: &Path) -> std::io::Result<Vec<u8>> {
    if file == Path::new(STDIN) {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(file)
    }
}

/// Reads a `--files-from` list (`-`: standard input): one path per line;
/// blank lines and lines starting with `#` (after leading blanks) are
/// ignored; a trailing CR is dropped. Names need not be UTF-8 (Unix).
pub fn read_files_from(source: &Path) -> std::io::Result<Vec<PathBuf>> {
    let reader: Box<dyn BufRead> = if source == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(std::fs::File::open(source)?))
    };
    let mut out = Vec::new();
    for line in reader.split(b'\n') {
        let mut line = line?;
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        let trimmed: &[u8] = line.trim_ascii();
        if trimmed.is_empty() || trimmed.first() == Some(&b'#') {
            continue;
        }
        out.push(path_from_bytes(line));
    }
    Ok(out)
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// Expands folders (recursively, entries sorted by name, each folder's
/// contents right after it) into input files, keeping the order the paths
/// were named in. Files named directly are taken whatever their name;
/// files found in folders when `select` wants them. An input reached twice
/// (same canonical path) is read once. A folder that leads back to one of
/// its own parents (a symlink loop) or a path that cannot be opened or
/// listed becomes an [`Input::Failed`] in its place.
pub fn collect(paths: &[PathBuf], select: &Select) -> Vec<Input> {
    collect_with(paths, select, true).inputs
}

/// The inputs of a run and what the walk tells about.
#[derive(Debug, Default)]
pub struct Collected {
    /// The inputs, in run order.
    pub inputs: Vec<Input>,
    /// Links not followed.
    pub warnings: Vec<crate::BatchWarning>,
}

/// [`collect`], following a symbolic link found in a folder only where it
/// leads inside one of the folders named (or when `follow_links`); a link
/// leading outside is not followed and told
/// ([`BatchWarning::LinkNotFollowed`](crate::BatchWarning::LinkNotFollowed)),
/// so a link to `/usr/share/doc` or `/dev` cannot pull the system into a
/// run. Paths named directly are always followed.
pub fn collect_with(paths: &[PathBuf], select: &Select, follow_links: bool) -> Collected {
    let mut c = Collector {
        out: Vec::new(),
        seen: HashSet::new(),
        warnings: Vec::new(),
    };
    let roots: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    for p in paths {
        if p == Path::new(STDIN) {
            c.out.push(Input::File(p.clone()));
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => c.fail(p.clone(), InputError::Open(e)),
            Ok(m) if m.is_dir() => c.walk(p, select, (!follow_links).then_some(&roots)),
            Ok(_) => c.take(p.clone()),
        }
    }
    Collected {
        inputs: c.out,
        warnings: c.warnings,
    }
}

struct Collector {
    out: Vec<Input>,
    /// Canonical paths of the files taken.
    seen: HashSet<PathBuf>,
    warnings: Vec<crate::BatchWarning>,
}

impl Collector {
    /// Walks `root`; `inside`: links must lead below one of these.
    fn walk(&mut self, root: &Path, select: &Select, inside: Option<&Vec<PathBuf>>) {
        type Skipped = std::sync::Arc<std::sync::Mutex<Vec<(PathBuf, PathBuf)>>>;
        let skipped: Skipped = Default::default();
        let mut builder = ignore::WalkBuilder::new(root);
        builder
            .standard_filters(false)
            .follow_links(true)
            .sort_by_file_name(|a, b| a.cmp(b));
        if let Some(inside) = inside {
            let inside = inside.clone();
            let skipped = std::sync::Arc::clone(&skipped);
            builder.filter_entry(move |e| {
                if !e.path_is_symlink() {
                    return true;
                }
                let target = std::fs::canonicalize(e.path());
                match target {
                    Ok(t) if inside.iter().any(|r| t.starts_with(r)) => true,
                    Ok(t) => {
                        if let Ok(mut v) = skipped.lock() {
                            v.push((e.path().to_path_buf(), t));
                        }
                        false
                    }
                    // A broken link or a loop: its error is reported as
                    // before.
                    Err(_) => true,
                }
            });
        }
        for entry in builder.build() {
            match entry {
                Ok(e) => {
                    let dir = e.file_type().is_some_and(|t| t.is_dir());
                    if e.depth() > 0 && !dir && select.wanted(e.path(), root) {
                        self.take(e.into_path());
                    }
                }
                Err(err) => self.walk_error(err),
            }
        }
        let skipped = skipped.lock().map(|mut v| std::mem::take(&mut *v));
        for (link, target) in skipped.unwrap_or_default() {
            self.warnings
                .push(crate::BatchWarning::LinkNotFollowed { link, target });
        }
    }

    /// A file: taken unless it was taken before (by another route).
    fn take(&mut self, p: PathBuf) {
        let key = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
        if self.seen.insert(key) {
            self.out.push(Input::File(p));
        }
    }

    fn fail(&mut self, path: PathBuf, error: InputError) {
        self.out.push(Input::Failed { path, error });
    }

    /// An entry the walk could not follow, reported for its path: the
    /// operating system's own error, asked again, so the message is the
    /// same as for a path named directly.
    fn walk_error(&mut self, err: ignore::Error) {
        if let Some((ancestor, child)) = loop_of(&err) {
            let ancestor =
                std::fs::canonicalize(ancestor).unwrap_or_else(|_| ancestor.to_path_buf());
            self.fail(child.to_path_buf(), InputError::Loop(ancestor));
            return;
        }
        let Some(path) = path_of(&err).map(Path::to_path_buf) else {
            self.fail(PathBuf::new(), InputError::Walk(err));
            return;
        };
        match std::fs::metadata(&path) {
            Err(e) => self.fail(path, InputError::Open(e)),
            Ok(m) if m.is_dir() => match std::fs::read_dir(&path) {
                Err(e) => self.fail(path, InputError::List(e)),
                Ok(_) => self.fail(path, InputError::Walk(err)),
            },
            Ok(_) => self.fail(path, InputError::Walk(err)),
        }
    }
}

/// The (ancestor, child) of a loop the walk found.
fn loop_of(err: &ignore::Error) -> Option<(&Path, &Path)> {
    match err {
        ignore::Error::Loop { ancestor, child } => Some((ancestor, child)),
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => loop_of(err),
        _ => None,
    }
}

/// The path an error of the walk is about.
fn path_of(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            path_of(err)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, rel: &str) -> bool {
        let root = Path::new("/in");
        Select::globs(&[p]).unwrap().wanted(&root.join(rel), root)
    }

    #[test]
    fn glob_semantics() {
        assert!(m("*.pdf", "x/a.pdf"));
        assert!(!m("*.pdf", "a.PDF"), "case-sensitive");
        assert!(!m("*.pdf", "a.pdf.txt"));
        assert!(m("*.{pdf,txt}", "b.txt"));
        assert!(m("report-??.txt", "report-07.txt"));
        assert!(!m("report-??.txt", "report-7.txt"));
        assert!(m("[0-9]*", "004_x.txt"));
        assert!(!m("[!0-9]*", "004_x.txt"));
        assert!(m("[!0-9]*", "deep/x.txt"), "a name pattern sees the name");
        assert!(m("own/*.txt", "own/a.txt"));
        assert!(!m("own/*.txt", "own/deep/a.txt"), "* does not cross /");
        assert!(!m("own/*.txt", "a.txt"));
        assert!(m("**/*.txt", "a.txt"));
        assert!(m("**/*.txt", "own/deep/a.txt"));
        assert!(m("own/**", "own/deep/a.txt"));
        assert!(m("own/**/a.txt", "own/a.txt"));
        assert!(m("*.{pdf,t{xt,sv}}", "a.tsv"), "nested alternatives");
        assert!(m("a[b", "a[b"), "an unclosed class is literal");
        assert!(Select::globs(&["*.{pdf"]).is_err());
        assert!(matches!(Select::globs(&[""]), Err(GlobError::Empty)));
        // No pattern: the default extensions, any case.
        let s = Select::globs::<&str>(&[]).unwrap();
        assert!(s.wanted(Path::new("/in/a.PDF"), Path::new("/in")));
        assert!(!s.wanted(Path::new("/in/a.docx"), Path::new("/in")));
    }

    #[test]
    fn folders_sorted_depth_first_links_and_loops() {
        let dir = std::env::temp_dir().join(format!("plantab-batch-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/deep")).unwrap();
        std::fs::create_dir_all(dir.join(".hidden")).unwrap();
        for f in [
            "c.txt",
            "a.pdf",
            "b/deep/z.md",
            "b/y.tsv",
            ".hidden/h.txt",
            "skip.docx",
        ] {
            std::fs::write(dir.join(f), b"x").unwrap();
        }
        std::fs::write(dir.join(".gitignore"), b"*.txt\n").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&dir, dir.join("b/up")).unwrap();
            std::os::unix::fs::symlink(dir.join("me.txt"), dir.join("me.txt")).unwrap();
            std::os::unix::fs::symlink(dir.join("a.pdf"), dir.join("also.pdf")).unwrap();
        }
        let got = collect(
            &[dir.clone(), dir.join("c.txt"), dir.join("missing.txt")],
            &Select::by_extension(),
        );
        let names: Vec<(String, Option<ErrorCode>)> = got
            .iter()
            .map(|i| {
                let rel = i.path().strip_prefix(&dir).unwrap_or(i.path());
                let code = match i {
                    Input::File(_) => None,
                    Input::Failed { error, .. } => Some(error.code()),
                };
                (rel.to_string_lossy().into_owned(), code)
            })
            .collect();
        let mut expected = vec![(".hidden/h.txt", None), ("a.pdf", None)];
        if cfg!(unix) {
            // `also.pdf` is `a.pdf` by another route: read once.
            expected.extend([
                ("b/deep/z.md", None),
                ("b/up", Some(ErrorCode::SymlinkLoop)),
            ]);
        } else {
            expected.push(("b/deep/z.md", None));
        }
        expected.extend([("b/y.tsv", None), ("c.txt", None)]);
        if cfg!(unix) {
            expected.push(("me.txt", Some(ErrorCode::SymlinkLoop)));
        }
        expected.push(("missing.txt", Some(ErrorCode::Io)));
        let expected: Vec<(String, Option<ErrorCode>)> = expected
            .into_iter()
            .map(|(p, c)| (p.to_string(), c))
            .collect();
        assert_eq!(names, expected, "no gitignore or hidden-file filtering");
        let message = |name: &str| {
            got.iter()
                .find_map(|i| match i {
                    Input::Failed { path, error } if path.ends_with(name) => {
                        Some(plantab::error_chain(error))
                    }
                    _ => None,
                })
                .unwrap()
        };
        assert!(message("missing.txt").starts_with("cannot open: "));
        if cfg!(unix) {
            let canon = std::fs::canonicalize(&dir).unwrap();
            assert_eq!(
                message("up"),
                format!("symlink loop: leads back to {}", canon.display())
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
