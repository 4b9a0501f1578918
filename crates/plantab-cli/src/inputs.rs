//! Turning PATH arguments, folders and `--files-from` lists into the
//! ordered list of inputs of a run.

use crate::glob::Glob;
use plantab_model::ErrorCode;
use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Extensions taken from folders when no `--glob` is given.
pub const INPUT_EXTENSIONS: [&str; 5] = ["pdf", "txt", "text", "md", "tsv"];

/// One input of a run, in run order.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file to read.
    File(PathBuf),
    /// A path that could not be listed or opened: an error for that path.
    Failed {
        /// The path as found.
        path: PathBuf,
        /// Stable error code (`io`, `symlink_loop`).
        code: ErrorCode,
        /// What went wrong.
        message: String,
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

/// Expands folders (recursively, entries sorted by name) into input files,
/// keeping the order the paths were named in. Files named directly are
/// taken whatever their name; files found in folders are taken when they
/// match a `--glob` pattern, or, with no pattern, when their extension is
/// one of [`INPUT_EXTENSIONS`]. An input reached twice (same canonical
/// path) is read once. A folder that leads back to one of its own parents
/// (a symlink loop) or a path that cannot be opened or listed becomes an
/// [`Input::Failed`] in its place.
pub fn collect(paths: &[PathBuf], globs: &[Glob]) -> Vec<Input> {
    let mut w = Walker {
        globs,
        out: Vec::new(),
        seen_files: HashSet::new(),
        seen_dirs: HashSet::new(),
        ancestors: Vec::new(),
    };
    for p in paths {
        w.walk(p, None);
    }
    w.out
}

struct Walker<'a> {
    globs: &'a [Glob],
    out: Vec<Input>,
    seen_files: HashSet<PathBuf>,
    seen_dirs: HashSet<PathBuf>,
    /// Canonical paths of the folders being listed, outermost first.
    ancestors: Vec<PathBuf>,
}

impl Walker<'_> {
    /// `root`: the folder named on the command line this path was found
    /// in (`None` for a path named directly).
    fn walk(&mut self, p: &Path, root: Option<&Path>) {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                let (code, message) = if is_loop(&e) {
                    (ErrorCode::SymlinkLoop, format!("cannot open: {e}"))
                } else {
                    (ErrorCode::Io, format!("cannot open: {e}"))
                };
                self.fail(p, code, message);
                return;
            }
        };
        if meta.is_dir() {
            let canon = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            if self.ancestors.contains(&canon) {
                self.fail(
                    p,
                    ErrorCode::SymlinkLoop,
                    format!("symlink loop: leads back to {}", canon.display()),
                );
                return;
            }
            // The same folder reached by another route: read once.
            if !self.seen_dirs.insert(canon.clone()) {
                return;
            }
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(p) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => {
                    self.fail(p, ErrorCode::Io, format!("cannot list folder: {e}"));
                    return;
                }
            };
            entries.sort();
            self.ancestors.push(canon);
            let root = root.unwrap_or(p);
            for e in entries {
                self.walk(&e, Some(root));
            }
            self.ancestors.pop();
        } else {
            let wanted = match root {
                None => true,
                Some(root) => self.wanted(p, root),
            };
            let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            if wanted && self.seen_files.insert(key) {
                self.out.push(Input::File(p.to_path_buf()));
            }
        }
    }

    fn wanted(&self, p: &Path, root: &Path) -> bool {
        if self.globs.is_empty() {
            return p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| INPUT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        }
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let relative = p
            .strip_prefix(root)
            .unwrap_or(p)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        self.globs.iter().any(|g| g.matches_file(&name, &relative))
    }

    fn fail(&mut self, p: &Path, code: ErrorCode, message: String) {
        self.out.push(Input::Failed {
            path: p.to_path_buf(),
            code,
            message,
        });
    }
}

/// ELOOP: "too many levels of symbolic links" (40 on Linux, 62 on the
/// BSDs and macOS).
fn is_loop(e: &std::io::Error) -> bool {
    let eloop = if cfg!(target_os = "linux") { 40 } else { 62 };
    cfg!(unix) && e.raw_os_error() == Some(eloop)
}

/// Output file names, one per input (`None` for a failed path):
/// `<stem>.json`; when two inputs share a stem, the later ones keep their
/// extension (`<stem>.<ext>.json`), then a counter (`<stem>-2.json`).
pub fn output_names(inputs: &[Input]) -> Vec<Option<String>> {
    let mut used = HashSet::new();
    inputs
        .iter()
        .map(|input| {
            let Input::File(f) = input else {
                return None;
            };
            let stem = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "input".into());
            let ext = f
                .extension()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut candidates = vec![format!("{stem}.json")];
            if !ext.is_empty() {
                candidates.push(format!("{stem}.{ext}.json"));
            }
            let reserved = |c: &String| used.contains(c) || c == crate::manifest::MANIFEST_NAME;
            let name = candidates
                .into_iter()
                .find(|c| !reserved(c))
                .unwrap_or_else(|| {
                    (2..)
                        .map(|n| format!("{stem}-{n}.json"))
                        .find(|c| !reserved(c))
                        .unwrap_or_default()
                });
            used.insert(name.clone());
            Some(name)
        })
        .collect()
}
