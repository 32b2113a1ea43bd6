//! Any bytes through the whole import pipeline: it must never panic, and what it
//! accepts must score and survive export then import unchanged.
#![no_main]

use cruscotto_engine::snapshot::import;
use cruscotto_engine::{score_summary, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(imported) = import(data) else {
        return;
    };
    let snapshot = imported.snapshot;
    assert!(
        validate(&snapshot).is_valid(),
        "an imported snapshot is valid"
    );
    let card = snapshot.score();
    let _ = score_summary(&snapshot.plan, &card);
    let json = snapshot.to_json();
    let again = match import(json.as_bytes()) {
        Ok(again) => again,
        Err(e) => panic!("the export of an imported snapshot is refused: {e:?}\n{json}"),
    };
    assert_eq!(
        again.snapshot, snapshot,
        "export then import changes the snapshot"
    );
    assert!(again.report.is_valid(), "the re-imported snapshot is valid");
    assert_eq!(again.snapshot.to_json(), json, "a second export differs");
});
