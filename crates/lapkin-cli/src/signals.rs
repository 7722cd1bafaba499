//! Removing the temporary files when the run is interrupted.
//!
//! An output is written to a temporary file beside its target and renamed
//! into place at the end (see [`crate::output`]). The temporaries that exist
//! at a moment are listed in [`pending`]; on SIGINT, SIGTERM or SIGHUP a
//! watcher thread removes them and exits with 128 + the signal's number, as
//! a shell reports a process the signal killed. No output is replaced then.
//! Once an output is in place ([`placed`]), an interruption no longer ends
//! the run: what is left is renaming the other outputs, and the run ends
//! as it would have (exit 0), rather than saying it was interrupted after
//! replacing a file.

use std::fs;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

/// The temporary files that exist now, for the signal handler to remove.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Whether an output has been put in place.
static PLACED: AtomicBool = AtomicBool::new(false);

/// Records that an output was put in place (called with [`pending`]'s lock
/// held, right after the rename): from now on a signal lets the run finish.
pub fn placed() {
    PLACED.store(true, Ordering::SeqCst);
}

/// The list of temporary files to remove on a signal, locked: while the
/// guard is held, an interruption waits (so a rename done under it either
/// happens before the removal or not at all).
pub fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary files and exit with
/// 128 + the signal's number, as a shell reports a process the signal
/// killed.
pub fn cleanup_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                // Held until the exit: no rename can follow the removal.
                let pending = pending();
                if PLACED.load(Ordering::SeqCst) {
                    // An output is already in place: the run finishes.
                    continue;
                }
                for path in pending.iter() {
                    let _ = fs::remove_file(path);
                }
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}
