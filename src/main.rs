//! The first module every page loads (`cruscotto-app`): the daily screens.
//! On an address it does not serve it starts the full app instead.

use cruscotto_app::modules::{self, Module};

fn main() {
    if modules::current_path_module() == Module::Full {
        modules::start_full();
        return;
    }
    cruscotto_app::start(cruscotto_app::app::core_routes);
}
