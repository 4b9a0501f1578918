//! The output folder and atomic writes: every file is written under a
//! hidden temporary name in its folder (`.<name>.<pid>-<n>.tmp`, unique per
//! process and write, never ending in an output extension) and renamed
//! when complete, so a killed run never leaves a truncated file under an
//! output name. Temporary files of killed runs are removed by the next run
//! in the folder, where the operating system tells which processes are
//! gone (Linux `/proc`). Files are not fsynced: a killed process is safe, a
//! power cut may not be.

use crate::error::{BatchError, WriteError};
use crate::manifest::{Finished, Manifest, MANIFEST_NAME};
use plantab_output::TableFile;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

static TEMP_SEQ: AtomicU64 = AtomicU64::new(0);

/// The longest file name, in bytes, that output and temporary names are
/// kept within (`NAME_MAX` of Linux and most file systems).
pub const NAME_MAX: usize = 255;

/// The output folder's lock file (see [`OutputDir::open`]).
pub const LOCK_NAME: &str = ".plantab.lock";

/// Space kept free for the manifest while a run writes (see
/// [`OutputDir::reserve`]); removed at the end of the run.
pub const RESERVE_NAME: &str = ".plantab.reserve";

/// `DIR/.<name>.<pid>-<n>.tmp` for `DIR/<name>`: unique per process and
/// write, hidden, and never ending in an output extension. A long `name`
/// is cut (at a character boundary) so the whole fits [`NAME_MAX`]: the
/// `<pid>-<n>` keeps it unique.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let n = TEMP_SEQ.fetch_add(1, Ordering::Relaxed);
    let tail = format!(".{}-{n}.tmp", std::process::id());
    let room = NAME_MAX.saturating_sub(tail.len() + 1);
    let name = crate::names::cut(&name, room);
    path.with_file_name(format!(".{name}{tail}"))
}

/// Writes `bytes` to a unique temporary name beside `path`, then renames
/// it to `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes).map_err(|e| f.error(e))?;
    f.commit()
}

/// A file being written under a temporary name ([`temp_path`]), renamed to
/// its name by [`AtomicFile::commit`]. Dropped without a commit (an error
/// on the way), the temporary file is removed.
#[derive(Debug)]
pub struct AtomicFile {
    tmp: PathBuf,
    path: PathBuf,
    out: Option<std::io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    /// Starts writing `path`.
    pub fn create(path: &Path) -> Result<AtomicFile, WriteError> {
        let tmp = temp_path(path);
        let f = std::fs::File::create(&tmp).map_err(|source| WriteError::Write {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(AtomicFile {
            tmp,
            path: path.to_path_buf(),
            out: Some(std::io::BufWriter::new(f)),
        })
    }

    /// The name the file gets on [`AtomicFile::commit`].
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The temporary name being written.
    pub fn temp_path(&self) -> &Path {
        &self.tmp
    }

    /// The error for a failed write of this file.
    pub fn error(&self, source: std::io::Error) -> WriteError {
        WriteError::Write {
            path: self.path.clone(),
            source,
        }
    }

    /// Flushes and renames the file to its name.
    pub fn commit(mut self) -> Result<(), WriteError> {
        let flushed = match self.out.take() {
            Some(mut w) => w.flush(),
            None => Ok(()),
        };
        if let Err(e) = flushed {
            return Err(self.error(e));
        }
        std::fs::rename(&self.tmp, &self.path).map_err(|source| WriteError::Rename {
            from: self.tmp.clone(),
            to: self.path.clone(),
            source,
        })
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.out {
            Some(w) => w.write(buf),
            None => Err(std::io::Error::other("file already committed")),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &mut self.out {
            Some(w) => w.write_all(buf),
            None => Err(std::io::Error::other("file already committed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.out {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed (committing takes `out`, and a rename that failed
        // leaves the temporary name to remove as well).
        drop(self.out.take());
        if self.tmp.exists() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// A run's output folder (`-o DIR`), locked for the run.
#[derive(Debug, Clone)]
pub struct OutputDir {
    path: PathBuf,
    /// The locked `DIR/.plantab.lock`, held while any clone lives (the
    /// operating system releases it when the process ends, however).
    _lock: Option<std::sync::Arc<std::fs::File>>,
}

impl OutputDir {
    /// Creates the folder if missing, locks it for this run, and removes
    /// the temporary files that killed runs left in it.
    ///
    /// The lock is an exclusive [`std::fs::File::try_lock`] on
    /// `DIR/.plantab.lock` (a hidden file left in the folder, holding the
    /// pid of the run that has it): a second run into a folder in use does
    /// not wait, it fails at once with [`BatchError::Locked`] naming the
    /// other run's pid (an overrun nightly job and the next one cannot both
    /// write one folder and one manifest). The operating system drops the
    /// lock when the run ends, however it ends, so a killed run never
    /// leaves the folder locked. On a file system without locks the folder
    /// is not locked.
    pub fn open(path: &Path) -> Result<OutputDir, BatchError> {
        std::fs::create_dir_all(path).map_err(|source| BatchError::CreateDir {
            path: path.to_path_buf(),
            source,
        })?;
        let lock = lock(path)?;
        remove_dead_temp_files(path);
        Ok(OutputDir {
            path: path.to_path_buf(),
            _lock: lock.map(std::sync::Arc::new),
        })
    }

    /// Keeps `bytes` of the disk for the manifest: a hidden file of that
    /// size, removed by [`OutputDir::write_manifest`] when the disk is full
    /// (so the manifest can still say what was and was not written) and by
    /// [`OutputDir::release`] at the end of the run. Best effort: a disk
    /// already full keeps nothing.
    pub fn reserve(&self, bytes: u64) {
        let path = self.path.join(RESERVE_NAME);
        let kept = std::fs::File::create(&path).and_then(|mut f| {
            let block = vec![0u8; 64 * 1024];
            let mut left = bytes;
            while left > 0 {
                let n = usize::try_from(left.min(block.len() as u64)).unwrap_or(block.len());
                f.write_all(block.get(..n).unwrap_or_default())?;
                left -= n as u64;
            }
            f.flush()
        });
        if kept.is_err() {
            let _ = std::fs::remove_file(&path);
        }
    }

    /// Gives the space of [`OutputDir::reserve`] back.
    pub fn release(&self) {
        let _ = std::fs::remove_file(self.path.join(RESERVE_NAME));
    }

    /// Whether a file can be made in the folder: an empty temporary file
    /// is created and removed (a read-only folder, a full disk and a folder
    /// one may not write in fail here, before any input is read).
    pub fn check_writable(&self) -> Result<(), BatchError> {
        let probe = temp_path(&self.path.join(".plantab-write-check"));
        match std::fs::File::create(&probe) {
            Ok(f) => {
                drop(f);
                let _ = std::fs::remove_file(&probe);
                Ok(())
            }
            Err(source) => Err(BatchError::NotWritable {
                path: self.path.clone(),
                source,
            }),
        }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `DIR/name` atomically.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<(), WriteError> {
        write_atomic(&self.path.join(name), bytes)
    }

    /// Whether `DIR/name` is a file.
    pub fn has_file(&self, name: &str) -> bool {
        self.path.join(name).is_file()
    }

    /// Removes `DIR/name` if it is there.
    pub fn remove(&self, name: &str) {
        let _ = std::fs::remove_file(self.path.join(name));
    }

    /// Writes an input's table files (`tables --format csv`) atomically,
    /// then removes the files an earlier run wrote for the same input that
    /// this run did not (a table fewer).
    pub fn write_table_files(
        &self,
        stem: &str,
        files: &[(String, Vec<u8>)],
    ) -> Result<(), WriteError> {
        for (name, bytes) in files {
            self.write(name, bytes)?;
        }
        for old in self.table_files_of(stem) {
            if !files.iter().any(|(n, _)| *n == old) {
                self.remove(&old);
            }
        }
        Ok(())
    }

    /// The table files of the input whose stem is `stem` in the folder
    /// (names [`TableFile::parse`] reads back).
    pub fn table_files_of(&self, stem: &str) -> Vec<String> {
        let Ok(rd) = std::fs::read_dir(&self.path) else {
            return Vec::new();
        };
        rd.flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| TableFile::parse(stem, n).is_some())
            .collect()
    }

    /// Writes the manifest atomically, streamed (no whole-text copy in
    /// memory).
    /// On a failure (a full disk) the space of [`OutputDir::reserve`] is
    /// given back and the manifest written again.
    pub fn write_manifest(&self, m: &Manifest<Finished<'_>>) -> Result<(), WriteError> {
        let write = || -> Result<(), WriteError> {
            let mut f = AtomicFile::create(&self.path.join(MANIFEST_NAME))?;
            serde_json::to_writer_pretty(&mut f, m).map_err(|e| f.error(e.into()))?;
            f.write_all(b"\n").map_err(|e| f.error(e))?;
            f.commit()
        };
        match write() {
            Err(_) if self.path.join(RESERVE_NAME).exists() => {
                self.release();
                write()
            }
            done => done,
        }
    }
}

/// Takes the folder's lock (see [`OutputDir::open`]): std's
/// [`std::fs::File::try_lock`] (`flock` on Unix, `LockFileEx` on Windows).
fn lock(dir: &Path) -> Result<Option<std::fs::File>, BatchError> {
    use std::io::{Read, Seek};
    let path = dir.join(LOCK_NAME);
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        // The first file a run makes in the folder: a folder that cannot
        // take it cannot take the outputs either.
        .map_err(|source| BatchError::NotWritable {
            path: dir.to_path_buf(),
            source,
        })?;
    match f.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = f.read_to_string(&mut text);
            return Err(BatchError::Locked {
                dir: dir.to_path_buf(),
                pid: text.trim().parse().ok(),
            });
        }
        // A file system without locks: the folder is not locked.
        Err(std::fs::TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
            return Ok(None);
        }
        Err(std::fs::TryLockError::Error(source)) => {
            return Err(BatchError::Lock { path, source });
        }
    }
    let _ = f.set_len(0);
    let _ = f.rewind();
    let _ = writeln!(f, "{}", std::process::id());
    let _ = f.flush();
    Ok(Some(f))
}

/// Removes temporary files left in `dir` by plantab runs that were killed
/// (their process no longer exists). Only where `/proc` tells (Linux);
/// elsewhere they stay, harmless (hidden, `.tmp`).
pub fn remove_dead_temp_files(dir: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".tmp") else {
            continue;
        };
        if !name.starts_with('.') {
            continue;
        }
        // `<pid>-<n>`, both numbers, or it is not ours.
        let Some((pid, seq)) = stem.rsplit('.').next().and_then(|t| t.split_once('-')) else {
            continue;
        };
        let (Ok(pid), Ok(_)) = (pid.parse::<u32>(), seq.parse::<u64>()) else {
            continue;
        };
        if pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_files_leave_no_temporary_name() {
        let dir = std::env::temp_dir().join(format!("plantab-batch-atomic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = OutputDir::open(&dir).unwrap();
        out.write("a.json", b"{}\n").unwrap();
        assert_eq!(std::fs::read(dir.join("a.json")).unwrap(), b"{}\n");
        // Dropped before its commit: nothing under either name.
        let mut f = AtomicFile::create(&dir.join("b.json")).unwrap();
        f.write_all(b"half").unwrap();
        drop(f);
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let names: Vec<String> = names.into_iter().filter(|n| n != LOCK_NAME).collect();
        assert_eq!(names, ["a.json"]);
        // A long name: its temporary name still fits.
        let long = format!("{}.json", "é".repeat(125));
        assert!(temp_path(&dir.join(&long)).file_name().unwrap().len() <= NAME_MAX);
        // The folder is locked while `out` lives.
        match OutputDir::open(&dir) {
            Err(BatchError::Locked { pid, .. }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("not locked: {other:?}"),
        }
        // Table files: a table fewer than last time removes the old one.
        out.write_table_files(
            "plan",
            &[
                ("plan-p1-t1.csv".into(), b"a\r\n".to_vec()),
                ("plan-p2-t1.csv".into(), b"b\r\n".to_vec()),
            ],
        )
        .unwrap();
        out.write_table_files("plan", &[("plan-p1-t1.csv".into(), b"a\r\n".to_vec())])
            .unwrap();
        assert_eq!(out.table_files_of("plan"), ["plan-p1-t1.csv"]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
