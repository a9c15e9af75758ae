use crate::output::Global;
use crate::Outcome;
use anyhow::Result;

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_a: Args, _g: &Global) -> Result<Outcome> {
    anyhow::bail!("not yet")
}
