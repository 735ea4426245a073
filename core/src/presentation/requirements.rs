//! Submission requirements (DIF Presentation Exchange v2 section 5.1): `all` / `pick` over a
//! group or `from_nested`, judged against the descriptors a set of credentials satisfies, and
//! the selection of credentials a submission would carry.

use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::limits::Limits;
use crate::presentation::definition::{PresentationDefinition, RequirementSource, Rule, SubmissionRequirement};
use crate::presentation::evaluation::{DescriptorMatch, RequirementResult, RequirementStatus};
use crate::Verdict;

/// What the submission requirements make of a set of matches.
pub(crate) struct Judgement {
    pub(crate) requirements: Vec<RequirementResult>,
    pub(crate) verdict: Verdict,
    pub(crate) selection: Vec<(usize, usize)>,
}

/// Submission-requirement results, verdict and a selection for a given set of matches.
pub(crate) fn judge_requirements(
    definition: &PresentationDefinition,
    matches: &[DescriptorMatch],
    limits: &Limits,
) -> Result<Judgement> {
    let satisfied: Vec<bool> =
        (0..definition.input_descriptors.len()).map(|di| matches.iter().any(|m| m.descriptor_index == di)).collect();
    let ctx = Ctx { definition, matches, satisfied: &satisfied, limits };
    let (requirements, verdict, chosen) = match &definition.submission_requirements {
        None => {
            let all = satisfied.iter().all(|s| *s);
            let chosen = if all { (0..satisfied.len()).collect() } else { Vec::new() };
            (Vec::new(), Verdict::from_bool(all, ErrorCode::InputDescriptorNotSatisfied), chosen)
        }
        Some(list) => {
            let results = list.iter().map(|r| ctx.requirement(r, 0)).collect::<Result<Vec<_>>>()?;
            let ok = results.iter().all(|r| r.status != RequirementStatus::Unsatisfied);
            let mut chosen: Vec<usize> = Vec::new();
            if ok {
                let mut todo: Vec<&RequirementResult> = results.iter().collect();
                while let Some(r) = todo.pop() {
                    chosen.extend(r.selected_descriptors.iter().copied());
                    todo.extend(r.nested.iter());
                }
                chosen.sort_unstable();
                chosen.dedup();
            }
            (results, Verdict::from_bool(ok, ErrorCode::SubmissionRequirementNotSatisfied), chosen)
        }
    };
    // Prefer a credential no earlier descriptor took, so distinct descriptors are shown
    // distinct credentials where the set allows it.
    let mut selection: Vec<(usize, usize)> = Vec::with_capacity(chosen.len());
    for &di in &chosen {
        let mut candidates = matches.iter().filter(|m| m.descriptor_index == di).map(|m| m.credential_index);
        let first = candidates.clone().next();
        if let Some(ci) = candidates.find(|ci| !selection.iter().any(|(_, used)| used == ci)).or(first) {
            selection.push((di, ci));
        }
    }
    Ok(Judgement { requirements, verdict, selection })
}

struct Ctx<'a> {
    definition: &'a PresentationDefinition,
    matches: &'a [DescriptorMatch],
    satisfied: &'a [bool],
    limits: &'a Limits,
}

/// The status of a count of qualifying items against a rule's bounds.
fn judge(req: &SubmissionRequirement, qualifying: usize, available: usize) -> (RequirementStatus, usize) {
    let q = u64::try_from(qualifying).unwrap_or(u64::MAX);
    let to_usize = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    match req.rule {
        Rule::All => {
            if qualifying == available {
                (RequirementStatus::Satisfied, qualifying)
            } else {
                (RequirementStatus::Unsatisfied, 0)
            }
        }
        Rule::Pick => {
            if let Some(c) = req.count {
                return match q.cmp(&c) {
                    core::cmp::Ordering::Less => (RequirementStatus::Unsatisfied, 0),
                    core::cmp::Ordering::Equal => (RequirementStatus::Satisfied, qualifying),
                    core::cmp::Ordering::Greater => (RequirementStatus::Excess, to_usize(c)),
                };
            }
            if req.min.is_some_and(|m| q < m) {
                return (RequirementStatus::Unsatisfied, 0);
            }
            match req.max {
                Some(m) if q > m => (RequirementStatus::Excess, to_usize(m)),
                _ => (RequirementStatus::Satisfied, qualifying),
            }
        }
    }
}

impl Ctx<'_> {
    fn requirement(&self, req: &SubmissionRequirement, depth: usize) -> Result<RequirementResult> {
        if depth >= self.limits.depth() {
            return Err(Error::new(ErrorCode::NestingTooDeep, "submission requirements nest too deeply"));
        }
        let mut result = RequirementResult {
            name: req.name.clone(),
            rule: req.rule,
            status: RequirementStatus::Unsatisfied,
            qualifying: 0,
            available: 0,
            selected_descriptors: Vec::new(),
            credentials: Vec::new(),
            nested: Vec::new(),
        };
        match &req.source {
            RequirementSource::Group(group) => {
                let members: Vec<usize> = self.definition.group_members(group).map(|(i, _)| i).collect();
                let qualifying: Vec<usize> =
                    members.iter().copied().filter(|&i| self.satisfied.get(i).copied().unwrap_or(false)).collect();
                let (status, take) = judge(req, qualifying.len(), members.len());
                result.status = status;
                result.qualifying = qualifying.len();
                result.available = members.len();
                result.credentials = self.credentials_of(&qualifying);
                result.selected_descriptors = qualifying.into_iter().take(take).collect();
            }
            RequirementSource::Nested(list) => {
                let nested =
                    list.iter().map(|n| self.requirement(n, depth.saturating_add(1))).collect::<Result<Vec<_>>>()?;
                let ok: Vec<&RequirementResult> =
                    nested.iter().filter(|n| n.status != RequirementStatus::Unsatisfied).collect();
                let (mut status, take) = judge(req, ok.len(), nested.len());
                if status == RequirementStatus::Satisfied
                    && ok.iter().take(take).any(|n| n.status == RequirementStatus::Excess)
                {
                    status = RequirementStatus::Excess;
                }
                result.status = status;
                result.qualifying = ok.len();
                result.available = nested.len();
                let mut creds: Vec<usize> = ok.iter().flat_map(|n| n.credentials.iter().copied()).collect();
                creds.sort_unstable();
                creds.dedup();
                result.credentials = creds;
                if status != RequirementStatus::Unsatisfied {
                    // Keep only the chosen nested selections; the rest stay reported but unused.
                    let chosen: Vec<usize> = nested
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| n.status != RequirementStatus::Unsatisfied)
                        .map(|(i, _)| i)
                        .take(take)
                        .collect();
                    result.nested = nested
                        .into_iter()
                        .enumerate()
                        .map(|(i, mut n)| {
                            if !chosen.contains(&i) {
                                clear_selection(&mut n);
                            }
                            n
                        })
                        .collect();
                } else {
                    result.nested = nested;
                }
            }
        }
        if result.status == RequirementStatus::Unsatisfied {
            clear_selection(&mut result);
        }
        Ok(result)
    }

    fn credentials_of(&self, descriptors: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .matches
            .iter()
            .filter(|m| descriptors.contains(&m.descriptor_index))
            .map(|m| m.credential_index)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Drops the descriptor choices of a requirement tree (iteratively).
fn clear_selection(root: &mut RequirementResult) {
    let mut todo: Vec<&mut RequirementResult> = alloc::vec![root];
    while let Some(r) = todo.pop() {
        r.selected_descriptors.clear();
        todo.extend(r.nested.iter_mut());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    /// Descriptors `a` (group A) and `b` (group B); `matched` lists the satisfied ones by index,
    /// each by the credential of the same index.
    fn judge_with(requirements: &str, matched: &[usize]) -> Judgement {
        let text = alloc::format!(
            r#"{{"id":"pd","submission_requirements":{requirements},"input_descriptors":[
              {{"id":"a","group":["A"],"constraints":{{}}}},{{"id":"b","group":["B"],"constraints":{{}}}}]}}"#
        );
        let definition = PresentationDefinition::parse(&text, &Limits::DEFAULT).unwrap();
        let matches: Vec<DescriptorMatch> = matched
            .iter()
            .map(|&i| DescriptorMatch {
                descriptor_index: i,
                descriptor_id: String::from(["a", "b"][i]),
                credential_index: i,
                fields: Vec::new(),
            })
            .collect();
        judge_requirements(&definition, &matches, &Limits::DEFAULT).unwrap()
    }

    #[test]
    fn only_the_chosen_nested_requirements_keep_their_selection() {
        let j = judge_with(
            r#"[{"rule":"pick","count":1,"from_nested":[{"rule":"all","from":"A"},{"rule":"all","from":"B"}]}]"#,
            &[0, 1],
        );
        assert_eq!(j.verdict, Verdict::Valid);
        let top = &j.requirements[0];
        assert_eq!((top.status, top.qualifying, top.available), (RequirementStatus::Excess, 2, 2));
        assert_eq!(top.nested[0].selected_descriptors, [0]);
        assert!(top.nested[1].selected_descriptors.is_empty());
        assert_eq!(top.credentials, [0, 1]);
        assert_eq!(j.selection, [(0, 0)]);
    }

    #[test]
    fn an_unsatisfied_requirement_selects_nothing_below_it() {
        let j =
            judge_with(r#"[{"rule":"all","from_nested":[{"rule":"all","from":"A"},{"rule":"all","from":"B"}]}]"#, &[0]);
        assert_eq!(j.verdict, Verdict::Invalid(ErrorCode::SubmissionRequirementNotSatisfied));
        let top = &j.requirements[0];
        assert_eq!(top.status, RequirementStatus::Unsatisfied);
        assert_eq!(top.nested[0].status, RequirementStatus::Satisfied);
        assert!(top.nested.iter().all(|n| n.selected_descriptors.is_empty()));
        assert!(j.selection.is_empty());
    }
}
