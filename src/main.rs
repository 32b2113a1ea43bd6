//! The first module (`cruscotto-app`): what a first visit shows, the overview.
//! Anything else (another address, stored data it does not read, a visit once
//! the app is installed) starts the full app instead (`cruscotto_app::modules`).

use cruscotto_app::modules::{self, Module};
use cruscotto_app::{app, io::storage};

fn main() {
    if modules::current_path_module() == Module::Full || modules::installed() {
        modules::start_full();
        return;
    }
    match storage::load_current() {
        Some(loaded) => cruscotto_app::start(app::FIRST_MODULE, loaded),
        // An older version to migrate, or unreadable data: the full app's job.
        None => modules::start_full(),
    }
}
