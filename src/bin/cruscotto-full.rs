//! The full app (`cruscotto-full`): every screen, the plan editor, import and
//! export, comparison and report included. Started by the first module
//! (`src/main.rs`) on the addresses that module does not serve; once it runs,
//! every address is served here without another page load.

use cruscotto_app::{app, io::storage};

fn main() {
    cruscotto_app::start(app::FULL_APP, storage::load_state(app::FULL_APP.read));
}
