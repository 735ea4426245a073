//! The work budget of one query evaluation, shared by evaluation and comparison (in its own
//! file so that neither imports the other for it).

use crate::error::{Error, ErrorCode, Result};
use crate::limits::Limits;

/// How many units of work (nodes visited, values compared, pattern bytes compiled) one `select`
/// may spend, as a multiple of `max_items`. Filters run sub-queries per candidate node, so a
/// query's cost can grow faster than its result; this caps it.
const WORK_FACTOR: usize = 32;

/// The work left for one `select`.
#[derive(Debug)]
pub(crate) struct Budget {
    left: usize,
}

impl Budget {
    pub(crate) fn new(units: usize) -> Self {
        Budget { left: units }
    }

    pub(crate) fn for_limits(limits: &Limits) -> Self {
        Budget::new(limits.max_items.saturating_mul(WORK_FACTOR))
    }

    pub(crate) fn charge(&mut self, units: usize) -> Result<()> {
        self.left = self
            .left
            .checked_sub(units)
            .ok_or(Error::new(ErrorCode::TooManyItems, "JSONPath query needs too much work"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_runs_out() {
        let mut b = Budget::new(3);
        assert!(b.charge(2).is_ok());
        assert_eq!(b.charge(2).unwrap_err().code(), ErrorCode::TooManyItems);
    }
}
