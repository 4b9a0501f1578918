//! `plantab`: government delivery plans and progress reports (PDFs and text
//! conversions) → normalised JSON. A thin layer over the `plantab` library.

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use plantab_model::Document;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXIT_HELP: &str = "\
Exit codes:
  0  every input was read
  1  some inputs failed (each named on stderr with the reason); the others were still written
  2  usage error, or the output could not be written";

/// Turns government delivery plans and progress reports (PDFs and text
/// conversions of PDFs) into normalised JSON: every action, its owner, due
/// date and status, with provenance.
#[derive(Parser)]
#[command(name = "plantab", version, after_help = EXIT_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from files and folders (folders are searched
    /// recursively for .pdf, .txt, .text, .md and .tsv files).
    #[command(after_help = EXIT_HELP)]
    Extract {
        /// Files or folders to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write output into this folder (created if missing): one
        /// `<input-stem>.json` per input, or one `records.ndjson` /
        /// `records.csv`. Without it, output goes to stdout (JSON: one
        /// document for one input, an array of documents for several).
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        output: Option<PathBuf>,
        /// Output format: `json` (whole documents), `ndjson` (one record a
        /// line, each carrying source and document kind) or `csv` (records
        /// flattened, latest status per record).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Print the JSON Schema (2020-12) of the output document.
    Schema,
    /// Show what the reader saw in one file: the blocks and table fragments
    /// it produced (stage `layout`) or the tables after joining (stage
    /// `tables`), as JSON, so you can see why a table was misread.
    Debug {
        /// The file to inspect.
        file: PathBuf,
        /// Which stage's output to print.
        #[arg(long, value_enum, default_value_t = Stage::Layout)]
        stage: Stage,
        /// Only this page (1-based; PDF input).
        #[arg(long)]
        page: Option<u32>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Ndjson,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Stage {
    Layout,
    Tables,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Extract {
            paths,
            output,
            format,
        } => extract(&paths, output.as_deref(), format),
        Command::Schema => {
            print!("{}", plantab_output::schema());
            Ok(0)
        }
        Command::Debug { file, stage, page } => debug(&file, stage, page),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("plantab: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

const INPUT_EXTENSIONS: [&str; 5] = ["pdf", "txt", "text", "md", "tsv"];

/// Expands folders (recursively, sorted) into input files; files named
/// directly are taken whatever their extension. An input named twice is
/// read once. Paths that cannot be listed are returned as failures.
fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut failed = Vec::new();
    let mut seen = HashSet::new();
    let mut visited_dirs = HashSet::new();
    for p in paths {
        walk(
            p,
            true,
            &mut files,
            &mut failed,
            &mut seen,
            &mut visited_dirs,
        );
    }
    (files, failed)
}

fn walk(
    p: &Path,
    explicit: bool,
    files: &mut Vec<PathBuf>,
    failed: &mut Vec<(PathBuf, String)>,
    seen: &mut HashSet<PathBuf>,
    visited_dirs: &mut HashSet<PathBuf>,
) {
    let meta = match std::fs::metadata(p) {
        Ok(m) => m,
        Err(e) => {
            failed.push((p.to_path_buf(), format!("io: cannot open: {e}")));
            return;
        }
    };
    if meta.is_dir() {
        // Symlink loops: a folder is entered once, by its canonical path.
        let canon = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if !visited_dirs.insert(canon) {
            return;
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(p) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                failed.push((p.to_path_buf(), format!("io: cannot list folder: {e}")));
                return;
            }
        };
        entries.sort();
        for e in entries {
            walk(&e, false, files, failed, seen, visited_dirs);
        }
    } else {
        let wanted = explicit
            || p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| INPUT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if wanted && seen.insert(key) {
            files.push(p.to_path_buf());
        }
    }
}

/// Output file names: `<stem>.json`; when two inputs share a stem, the
/// later ones keep their extension (`<stem>.<ext>.json`), then a counter.
fn output_names(files: &[PathBuf]) -> Vec<String> {
    let mut used = HashSet::new();
    files
        .iter()
        .map(|f| {
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
            let name = candidates
                .into_iter()
                .find(|c| !used.contains(c))
                .unwrap_or_else(|| {
                    (2..)
                        .map(|n| format!("{stem}-{n}.json"))
                        .find(|c| !used.contains(c))
                        .unwrap_or_default()
                });
            used.insert(name.clone());
            name
        })
        .collect()
}

fn extract(paths: &[PathBuf], output: Option<&Path>, format: Format) -> Result<u8> {
    let (files, mut failed) = collect_inputs(paths);
    if let Some(dir) = output {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create output folder {}", dir.display()))?;
    }
    let names = output_names(&files);
    let mut docs: Vec<Document> = Vec::new();
    let mut ok = 0usize;
    let mut records = 0usize;
    let mut warnings = 0usize;
    for (file, name) in files.iter().zip(&names) {
        match plantab::extract_file(file) {
            Ok(doc) => {
                ok += 1;
                records += doc.records.len();
                warnings += doc.warnings.len();
                if let (Some(dir), Format::Json) = (output, format) {
                    let json = plantab_output::to_json(&doc)?;
                    write_atomic(&dir.join(name), json.as_bytes())?;
                } else {
                    docs.push(doc);
                }
            }
            Err(e) => failed.push((file.clone(), e.to_string())),
        }
    }
    for (path, reason) in &failed {
        eprintln!("plantab: {}: {reason}", path.display());
    }
    write_collected(&docs, output, format)?;
    eprintln!(
        "plantab: {ok} file(s) ok, {} failed, {records} records, {warnings} warnings",
        failed.len()
    );
    Ok(if failed.is_empty() { 0 } else { 1 })
}

fn write_collected(docs: &[Document], output: Option<&Path>, format: Format) -> Result<()> {
    let mut buf: Vec<u8> = Vec::new();
    match format {
        Format::Json => {
            if output.is_some() {
                return Ok(());
            }
            match docs {
                [one] => buf.extend(plantab_output::to_json(one)?.into_bytes()),
                many => {
                    let mut s = serde_json::to_string_pretty(many)?;
                    s.push('\n');
                    buf.extend(s.into_bytes());
                }
            }
        }
        Format::Ndjson => {
            for d in docs {
                plantab_output::write_ndjson(d, &mut buf)?;
            }
        }
        Format::Csv => {
            let mut w = plantab_output::CsvWriter::new(&mut buf);
            for d in docs {
                w.write_document(d)?;
            }
            w.finish()?;
        }
    }
    match output {
        Some(dir) => {
            let name = match format {
                Format::Ndjson => "records.ndjson",
                Format::Csv => "records.csv",
                Format::Json => return Ok(()),
            };
            write_atomic(&dir.join(name), &buf)
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&buf).context("cannot write to stdout")?;
            out.flush().context("cannot write to stdout")?;
            Ok(())
        }
    }
}

/// Writes to a temporary name beside `path`, then renames, so a killed run
/// never leaves a truncated file.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension(format!(
        "{}.tmp",
        path.extension().and_then(|e| e.to_str()).unwrap_or("out")
    ));
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path)
        .with_context(|| format!("cannot rename {} to {}", tmp.display(), path.display()))?;
    Ok(())
}

fn debug(file: &Path, stage: Stage, page: Option<u32>) -> Result<u8> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let path = file.to_string_lossy();
    let (mut layout, _) = match plantab::read_layout(&path, &bytes) {
        Ok(x) => x,
        Err(e) => bail!("{}: {e}", file.display()),
    };
    if let Some(p) = page {
        layout.blocks.retain(|b| block_page(b) == Some(p));
    }
    let json = match stage {
        Stage::Layout => serde_json::to_string_pretty(&layout)?,
        Stage::Tables => serde_json::to_string_pretty(&plantab::rebuild(layout))?,
    };
    println!("{json}");
    Ok(0)
}

fn block_page(b: &plantab_model::Block) -> Option<u32> {
    match b {
        plantab_model::Block::Text(t) => t.page,
        plantab_model::Block::Legend(l) => l.page,
        plantab_model::Block::Table(t) => t.page,
    }
}
