//! A panic caught where one piece of work can fail alone (one report file's reader, one
//! output's writer): the piece fails with the panic's message, the run goes on, and the default
//! hook's raw English lines stay off the officer's terminal.

use std::cell::Cell;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`; a panic inside it comes back as `Err` with its message.
pub fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let before = QUIET.replace(true);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.set(before);
    result.map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

/// The hook keeps the default behaviour for panics anywhere else.
fn install_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.get() {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_is_an_error_with_its_message() {
        assert_eq!(super::quietly(|| 2 + 2), Ok(4));
        let r: Result<(), String> = super::quietly(|| panic!("capacity overflow"));
        assert_eq!(r, Err("capacity overflow".to_string()));
        let n = 7;
        let r: Result<(), String> = super::quietly(|| panic!("row {n}"));
        assert_eq!(r, Err("row 7".to_string()));
    }
}
