//! Interaction rules of the ProofSpace dashboard, as stated on the "ProofSpace SSI Interaction
//! Page".
//!
//! | rule | here |
//! |---|---|
//! | Only `Active` interactions are visible to app users; `Paused` ones are hidden. | [`visible_in_app`] |
//! | Initiation media: `QR` (the code is refreshed after its timeout), `Button`, `Incoming push from service`. | [`InitiationMedia`], [`qr_code_current`] |
//! | With `Incoming push from service` the Issue Credentials template is not editable, because those credentials are created before the interaction starts. | [`check_template_edit`] |
//! | Success / Pending / Failure pop-ups may name instance parameters as `{{Name}}`. | [`FlowNotifications`], [`render`], [`placeholders`] |
//! | Concurrency `Once`: one run per DID. `Sequenced`: again only after the current run is `Complete`. `Concurrent`: simultaneous runs allowed. | [`may_start`] |
//! | Self-attested attributes pre-filled from the QR code are not editable in the app. | [`PrefilledForm`] |
//!
//! A rule that was checked and failed is a [`Verdict::Invalid`]; input that cannot be checked
//! (a zero QR timeout, a malformed template) is an [`Error`].

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
pub use crate::proofspace::template::{placeholders, render};
use crate::proofspace::template::{scan, unique_names, unknown_parameter};
use crate::Verdict;

/// How often the same client (the same DID) may run an interaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Concurrency {
    /// One run per DID, ever.
    Once,
    /// Several runs per DID, but a new one only after the current one is `Complete`.
    Sequenced,
    /// Several runs per DID at the same time.
    Concurrent,
}

impl Concurrency {
    /// Every concurrency type, in the order the source page lists them.
    pub const ALL: [Concurrency; 3] = [Self::Once, Self::Sequenced, Self::Concurrent];

    /// The dashboard name (`Once`, `Sequenced`, `Concurrent`).
    ///
    /// ```
    /// use ssi_verify_core::proofspace::rules::Concurrency;
    /// assert_eq!(Concurrency::Sequenced.name(), "Sequenced");
    /// assert_eq!(Concurrency::from_name("Once"), Some(Concurrency::Once));
    /// assert_eq!(Concurrency::from_name("once"), None); // case matters
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Once => "Once",
            Self::Sequenced => "Sequenced",
            Self::Concurrent => "Concurrent",
        }
    }

    /// The concurrency type with this exact name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The state of one earlier run (event) of an interaction by the same DID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventStatus {
    /// Started and not yet finished.
    InProgress,
    /// Executed to the end.
    Complete,
    /// Ended without completing.
    Failed,
}

impl EventStatus {
    /// Every status.
    pub const ALL: [EventStatus; 3] = [Self::InProgress, Self::Complete, Self::Failed];

    /// The name (`InProgress`, `Complete`, `Failed`).
    ///
    /// ```
    /// use ssi_verify_core::proofspace::rules::EventStatus;
    /// assert_eq!(EventStatus::from_name(EventStatus::Complete.name()), Some(EventStatus::Complete));
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::InProgress => "InProgress",
            Self::Complete => "Complete",
            Self::Failed => "Failed",
        }
    }

    /// The status with this exact name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Whether a DID may start a new run, given the statuses of its earlier runs of the same
/// interaction (in any order).
///
/// - `Concurrent`: always [`Verdict::Valid`].
/// - `Sequenced`: [`ErrorCode::InteractionInProgress`] while any earlier run is `InProgress`;
///   `Complete` and `Failed` runs are finished, so they do not block.
/// - `Once`: [`ErrorCode::InteractionAlreadyCompleted`] if any earlier run is `Complete`, else
///   [`ErrorCode::InteractionInProgress`] if one is `InProgress`, else valid. A `Failed` run does
///   not use up the single run: the page defines "one time only" as *executed* once, and a run
///   that failed was not executed, so the user may try again. A completed run is reported in
///   preference to one in progress because it is the permanent reason.
///
/// ```
/// use ssi_verify_core::proofspace::rules::{may_start, Concurrency, EventStatus};
/// use ssi_verify_core::{ErrorCode, Verdict};
/// assert_eq!(may_start(Concurrency::Once, &[EventStatus::Failed]), Verdict::Valid);
/// assert_eq!(
///     may_start(Concurrency::Once, &[EventStatus::Complete]),
///     Verdict::Invalid(ErrorCode::InteractionAlreadyCompleted)
/// );
/// assert_eq!(
///     may_start(Concurrency::Sequenced, &[EventStatus::Complete, EventStatus::InProgress]),
///     Verdict::Invalid(ErrorCode::InteractionInProgress)
/// );
/// assert_eq!(may_start(Concurrency::Concurrent, &[EventStatus::InProgress]), Verdict::Valid);
/// ```
pub fn may_start(concurrency: Concurrency, earlier: &[EventStatus]) -> Verdict {
    let any = |wanted: EventStatus| earlier.contains(&wanted);
    match concurrency {
        Concurrency::Concurrent => Verdict::Valid,
        Concurrency::Sequenced => Verdict::from_bool(!any(EventStatus::InProgress), ErrorCode::InteractionInProgress),
        Concurrency::Once => {
            if any(EventStatus::Complete) {
                Verdict::Invalid(ErrorCode::InteractionAlreadyCompleted)
            } else {
                Verdict::from_bool(!any(EventStatus::InProgress), ErrorCode::InteractionInProgress)
            }
        }
    }
}

/// The dashboard status of an interaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Visible to mobile app users.
    Active,
    /// Hidden from mobile app users.
    Paused,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 2] = [Self::Active, Self::Paused];

    /// The dashboard name (`Active`, `Paused`).
    ///
    /// ```
    /// use ssi_verify_core::proofspace::rules::Status;
    /// assert_eq!(Status::from_name("Paused"), Some(Status::Paused));
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::Paused => "Paused",
        }
    }

    /// The status with this exact name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Whether an interaction with this status is shown to mobile app users.
///
/// ```
/// use ssi_verify_core::proofspace::rules::{visible_in_app, Status};
/// use ssi_verify_core::{ErrorCode, Verdict};
/// assert_eq!(visible_in_app(Status::Active), Verdict::Valid);
/// assert_eq!(visible_in_app(Status::Paused), Verdict::Invalid(ErrorCode::InteractionPaused));
/// ```
pub const fn visible_in_app(status: Status) -> Verdict {
    match status {
        Status::Active => Verdict::Valid,
        Status::Paused => Verdict::Invalid(ErrorCode::InteractionPaused),
    }
}

/// How an interaction is started.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InitiationMedia {
    /// The user scans a QR code, which is replaced by a new one every `timeout_seconds`.
    ///
    /// Build it with [`InitiationMedia::qr`] so a zero timeout is refused.
    Qr {
        /// Seconds a generated code stays current (never 0).
        timeout_seconds: u32,
    },
    /// The user taps Proceed in the app.
    Button,
    /// The dashboard operator starts it ("Incoming push from service").
    IncomingPush,
}

impl InitiationMedia {
    /// A QR initiation with this timeout.
    ///
    /// ```
    /// use ssi_verify_core::proofspace::rules::InitiationMedia;
    /// assert_eq!(InitiationMedia::qr(60).unwrap(), InitiationMedia::Qr { timeout_seconds: 60 });
    /// assert!(InitiationMedia::qr(0).is_err());
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::InvalidFieldValue`] for a timeout of 0 (such a code would never be current).
    pub const fn qr(timeout_seconds: u32) -> Result<Self> {
        if timeout_seconds == 0 {
            return Err(zero_timeout());
        }
        Ok(Self::Qr { timeout_seconds })
    }

    /// The dashboard label (`QR`, `Button`, `Incoming push from service`).
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            Self::Qr { .. } => "QR",
            Self::Button => "Button",
            Self::IncomingPush => "Incoming push from service",
        }
    }
}

const fn zero_timeout() -> Error {
    Error::new(ErrorCode::InvalidFieldValue, "QR code timeout must be at least 1 second")
}

/// Whether the Issue Credentials template of an interaction started this way may be edited.
///
/// ```
/// use ssi_verify_core::proofspace::rules::{check_template_edit, InitiationMedia};
/// use ssi_verify_core::ErrorCode;
/// assert!(check_template_edit(&InitiationMedia::Button).is_ok());
/// let err = check_template_edit(&InitiationMedia::IncomingPush).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::TemplateNotEditable);
/// ```
///
/// # Errors
/// [`ErrorCode::TemplateNotEditable`] for [`InitiationMedia::IncomingPush`].
pub const fn check_template_edit(media: &InitiationMedia) -> Result<()> {
    match media {
        InitiationMedia::Qr { .. } | InitiationMedia::Button => Ok(()),
        InitiationMedia::IncomingPush => Err(Error::new(
            ErrorCode::TemplateNotEditable,
            "incoming-push credentials are created before the interaction starts",
        )),
    }
}

/// Whether a QR code generated at `generated_at` is still current at `now` (both in seconds
/// since the epoch).
///
/// The code expires the moment `timeout_seconds` have passed: at exactly `generated_at +
/// timeout_seconds` it is already [`ErrorCode::QrCodeExpired`], since the page says it is
/// replaced after the timeout. A `generated_at` later than `now` is also reported expired: a
/// code from the future was not issued by this clock, and accepting it would let a skewed or
/// forged timestamp extend its life.
///
/// ```
/// use ssi_verify_core::proofspace::rules::qr_code_current;
/// use ssi_verify_core::{ErrorCode, Verdict};
/// assert_eq!(qr_code_current(30, 1_700_000_000, 1_700_000_029)?, Verdict::Valid);
/// assert_eq!(qr_code_current(30, 1_700_000_000, 1_700_000_030)?, Verdict::Invalid(ErrorCode::QrCodeExpired));
/// # Ok::<(), ssi_verify_core::Error>(())
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidFieldValue`] for a timeout of 0.
pub fn qr_code_current(timeout_seconds: u32, generated_at: u64, now: u64) -> Result<Verdict> {
    if timeout_seconds == 0 {
        return Err(zero_timeout());
    }
    let current = now.checked_sub(generated_at).is_some_and(|age| age < u64::from(timeout_seconds));
    Ok(Verdict::from_bool(current, ErrorCode::QrCodeExpired))
}

/// Which flow notification pop-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NotificationKind {
    /// Shown when the interaction succeeded.
    Success,
    /// Shown while the interaction waits.
    Pending,
    /// Shown when the interaction failed.
    Failure,
}

impl NotificationKind {
    /// Every kind.
    pub const ALL: [NotificationKind; 3] = [Self::Success, Self::Pending, Self::Failure];

    /// The dashboard name (`Success`, `Pending`, `Failure`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Success => "Success",
            Self::Pending => "Pending",
            Self::Failure => "Failure",
        }
    }

    /// The kind with this exact name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// The three pop-up message templates of an interaction flow.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlowNotifications {
    /// Success message template.
    pub success: String,
    /// Pending message template.
    pub pending: String,
    /// Failure message template.
    pub failure: String,
}

impl FlowNotifications {
    /// The template for `kind`.
    #[must_use]
    pub fn template(&self, kind: NotificationKind) -> &str {
        match kind {
            NotificationKind::Success => &self.success,
            NotificationKind::Pending => &self.pending,
            NotificationKind::Failure => &self.failure,
        }
    }

    /// The message for `kind` with the instance parameters filled in (see [`render`]).
    ///
    /// ```
    /// use ssi_verify_core::proofspace::rules::{FlowNotifications, NotificationKind};
    /// let n = FlowNotifications {
    ///     success: "Welcome to Room {{Room Number}}!".into(),
    ///     pending: "Please wait".into(),
    ///     failure: "Sorry".into(),
    /// };
    /// assert_eq!(n.render(NotificationKind::Success, &[("Room Number", "2")])?, "Welcome to Room 2!");
    /// # Ok::<(), ssi_verify_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`render`].
    pub fn render(&self, kind: NotificationKind, params: &[(&str, &str)]) -> Result<String> {
        render(self.template(kind), params)
    }

    /// Checks all three templates against the parameter names an instance has.
    ///
    /// # Errors
    /// As [`render`]: the first failing template, in the order success, pending, failure.
    pub fn check(&self, parameter_names: &[&str]) -> Result<()> {
        let known = unique_names(parameter_names.iter().copied())?;
        for kind in NotificationKind::ALL {
            scan(
                self.template(kind),
                |_, name, at| {
                    if known.contains(name) {
                        Ok(())
                    } else {
                        Err(unknown_parameter(at))
                    }
                },
            )?;
        }
        Ok(())
    }
}

/// A credential form whose self-attested attributes may be partly pre-filled from the QR code.
///
/// Pre-filled fields are read-only in the app; the others can be set freely. Field order is
/// kept as given.
///
/// ```
/// use ssi_verify_core::proofspace::rules::PrefilledForm;
/// use ssi_verify_core::ErrorCode;
/// let fields = vec![("Room".into(), "2".into()), ("Name".into(), String::new())];
/// let mut form = PrefilledForm::new(fields, &["Room"])?;
/// form.set("Name", "Mari")?;
/// assert_eq!(form.set("Room", "3").unwrap_err().code(), ErrorCode::FieldReadOnly);
/// assert_eq!(form.get("Name"), Some("Mari"));
/// # Ok::<(), ssi_verify_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrefilledForm {
    fields: Vec<(String, String)>,
    /// Field name to its position in `fields` and whether it came from the QR code.
    index: BTreeMap<String, (usize, bool)>,
}

impl PrefilledForm {
    /// A form with these fields (name, value), of which the names in `from_qr` were pre-filled
    /// from the QR code. Listing a name twice in `from_qr` is harmless.
    ///
    /// # Errors
    /// - [`ErrorCode::DuplicateKey`] when two fields share a name (located at the later field);
    /// - [`ErrorCode::MissingField`] when a `from_qr` name is not a field (located at its index
    ///   in `from_qr`).
    pub fn new(fields: Vec<(String, String)>, from_qr: &[&str]) -> Result<Self> {
        let mut index = BTreeMap::new();
        for (i, (name, _)) in fields.iter().enumerate() {
            if index.insert(name.clone(), (i, false)).is_some() {
                return Err(Error::new(ErrorCode::DuplicateKey, "field name listed twice").at_index(i));
            }
        }
        for (i, name) in from_qr.iter().enumerate() {
            let Some(entry) = index.get_mut(*name) else {
                return Err(
                    Error::new(ErrorCode::MissingField, "QR pre-fill names a field the form does not have").at_index(i)
                );
            };
            entry.1 = true;
        }
        Ok(Self { fields, index })
    }

    /// Whether `name` was pre-filled from the QR code (false for a name that is not a field).
    #[must_use]
    pub fn is_read_only(&self, name: &str) -> bool {
        self.index.get(name).is_some_and(|(_, read_only)| *read_only)
    }

    /// The current value of field `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        let (i, _) = self.index.get(name)?;
        self.fields.get(*i).map(|(_, value)| value.as_str())
    }

    /// Sets field `name` to `value`.
    ///
    /// Setting a pre-filled field to the value it already has succeeds and changes nothing, so
    /// an app that writes back the whole form is not refused for untouched fields.
    ///
    /// # Errors
    /// - [`ErrorCode::UnknownField`] when the form has no such field;
    /// - [`ErrorCode::FieldReadOnly`] when the field was pre-filled and `value` differs.
    pub fn set(&mut self, name: &str, value: &str) -> Result<()> {
        let unknown = || Error::new(ErrorCode::UnknownField, "the form has no field of this name");
        let (i, read_only) = *self.index.get(name).ok_or_else(unknown)?;
        let (_, current) = self.fields.get_mut(i).ok_or_else(unknown)?;
        if current == value {
            return Ok(());
        }
        if read_only {
            return Err(Error::new(ErrorCode::FieldReadOnly, "field was pre-filled from the QR code").at_index(i));
        }
        current.clear();
        current.push_str(value);
        Ok(())
    }

    /// The fields (name, value) in their original order.
    #[must_use]
    pub fn fields(&self) -> &[(String, String)] {
        &self.fields
    }

    /// The fields as given, consuming the form.
    #[must_use]
    pub fn into_fields(self) -> Vec<(String, String)> {
        self.fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;
    use alloc::vec;

    fn err<T: core::fmt::Debug>(r: Result<T>) -> (ErrorCode, Location) {
        let e = r.unwrap_err();
        (e.code(), e.location())
    }

    #[test]
    fn names_round_trip() {
        for c in Concurrency::ALL {
            assert_eq!(Concurrency::from_name(c.name()), Some(c));
        }
        for s in EventStatus::ALL {
            assert_eq!(EventStatus::from_name(s.name()), Some(s));
        }
        for s in Status::ALL {
            assert_eq!(Status::from_name(s.name()), Some(s));
        }
        for k in NotificationKind::ALL {
            assert_eq!(NotificationKind::from_name(k.name()), Some(k));
        }
        assert_eq!(
            [Concurrency::Once, Concurrency::Sequenced, Concurrency::Concurrent].map(Concurrency::name),
            ["Once", "Sequenced", "Concurrent"]
        );
        assert_eq!(EventStatus::ALL.map(EventStatus::name), ["InProgress", "Complete", "Failed"]);
        assert_eq!(Status::ALL.map(Status::name), ["Active", "Paused"]);
        assert_eq!(NotificationKind::ALL.map(NotificationKind::name), ["Success", "Pending", "Failure"]);
        for bad in ["", "once", "ONCE", " Once", "Concurrently"] {
            assert_eq!(Concurrency::from_name(bad), None);
        }
        assert_eq!(EventStatus::from_name("complete"), None);
        assert_eq!(Status::from_name("active"), None);
        assert_eq!(NotificationKind::from_name("Error"), None);
        assert_eq!(InitiationMedia::Qr { timeout_seconds: 5 }.name(), "QR");
        assert_eq!(InitiationMedia::Button.name(), "Button");
        assert_eq!(InitiationMedia::IncomingPush.name(), "Incoming push from service");
    }

    #[test]
    fn concurrency_decision_table() {
        use Concurrency::{Concurrent, Once, Sequenced};
        use EventStatus::{Complete as C, Failed as F, InProgress as P};
        const OK: Verdict = Verdict::Valid;
        const DONE: Verdict = Verdict::Invalid(ErrorCode::InteractionAlreadyCompleted);
        const BUSY: Verdict = Verdict::Invalid(ErrorCode::InteractionInProgress);
        // (earlier events, Once, Sequenced, Concurrent)
        let table: &[(&[EventStatus], Verdict, Verdict, Verdict)] = &[
            (&[], OK, OK, OK),
            (&[F], OK, OK, OK),
            (&[F, F, F], OK, OK, OK),
            (&[C], DONE, OK, OK),
            (&[P], BUSY, BUSY, OK),
            (&[C, P], DONE, BUSY, OK),
            (&[P, C], DONE, BUSY, OK),
            (&[F, P], BUSY, BUSY, OK),
            (&[F, C], DONE, OK, OK),
            (&[C, C], DONE, OK, OK),
            (&[P, P], BUSY, BUSY, OK),
            (&[F, C, P], DONE, BUSY, OK),
        ];
        for (earlier, once, sequenced, concurrent) in table {
            assert_eq!(may_start(Once, earlier), *once, "Once {earlier:?}");
            assert_eq!(may_start(Sequenced, earlier), *sequenced, "Sequenced {earlier:?}");
            assert_eq!(may_start(Concurrent, earlier), *concurrent, "Concurrent {earlier:?}");
        }
    }

    #[test]
    fn paused_interactions_are_hidden() {
        assert_eq!(visible_in_app(Status::Active), Verdict::Valid);
        assert_eq!(visible_in_app(Status::Paused), Verdict::Invalid(ErrorCode::InteractionPaused));
    }

    #[test]
    fn template_edit_depends_on_media() {
        assert_eq!(check_template_edit(&InitiationMedia::qr(30).unwrap()), Ok(()));
        assert_eq!(check_template_edit(&InitiationMedia::Button), Ok(()));
        assert_eq!(err(check_template_edit(&InitiationMedia::IncomingPush)).0, ErrorCode::TemplateNotEditable);
    }

    #[test]
    fn qr_constructor_rejects_zero() {
        assert_eq!(InitiationMedia::qr(1), Ok(InitiationMedia::Qr { timeout_seconds: 1 }));
        assert_eq!(InitiationMedia::qr(u32::MAX), Ok(InitiationMedia::Qr { timeout_seconds: u32::MAX }));
        assert_eq!(err(InitiationMedia::qr(0)).0, ErrorCode::InvalidFieldValue);
    }

    #[test]
    fn qr_expiry_boundaries() {
        let expired = Verdict::Invalid(ErrorCode::QrCodeExpired);
        let t = 1_700_000_000u64;
        assert_eq!(qr_code_current(30, t, t), Ok(Verdict::Valid));
        assert_eq!(qr_code_current(30, t, t + 29), Ok(Verdict::Valid));
        assert_eq!(qr_code_current(30, t, t + 30), Ok(expired), "exactly the timeout is expired");
        assert_eq!(qr_code_current(30, t, t + 31), Ok(expired));
        assert_eq!(qr_code_current(1, t, t), Ok(Verdict::Valid));
        assert_eq!(qr_code_current(1, t, t + 1), Ok(expired));
        assert_eq!(qr_code_current(30, t + 1, t), Ok(expired), "a code from the future");
        assert_eq!(qr_code_current(30, u64::MAX, 0), Ok(expired));
        assert_eq!(qr_code_current(u32::MAX, 0, u64::MAX), Ok(expired));
        assert_eq!(qr_code_current(u32::MAX, 0, u64::from(u32::MAX) - 1), Ok(Verdict::Valid));
        assert_eq!(qr_code_current(30, u64::MAX, u64::MAX), Ok(Verdict::Valid));
        assert_eq!(err(qr_code_current(0, t, t)), (ErrorCode::InvalidFieldValue, Location::None));
    }

    const ROOM: &[(&str, &str)] = &[("Room Number", "2")];

    fn notifications() -> FlowNotifications {
        FlowNotifications {
            success: "Welcome to Room {{Room Number}}!".into(),
            pending: "Checking {{ Guest }}...".into(),
            failure: "Sorry, no entry.".into(),
        }
    }

    #[test]
    fn flow_notifications() {
        let n = notifications();
        assert_eq!(n.template(NotificationKind::Success), "Welcome to Room {{Room Number}}!");
        assert_eq!(n.template(NotificationKind::Pending), "Checking {{ Guest }}...");
        assert_eq!(n.template(NotificationKind::Failure), "Sorry, no entry.");
        let p = [("Room Number", "2"), ("Guest", "Mari")];
        assert_eq!(n.render(NotificationKind::Success, &p).unwrap(), "Welcome to Room 2!");
        assert_eq!(n.render(NotificationKind::Pending, &p).unwrap(), "Checking Mari...");
        assert_eq!(n.render(NotificationKind::Failure, &p).unwrap(), "Sorry, no entry.");
        assert_eq!(err(n.render(NotificationKind::Pending, ROOM)).0, ErrorCode::UnknownTemplateParameter);
        assert_eq!(FlowNotifications::default().render(NotificationKind::Success, &[]).unwrap(), "");
    }

    #[test]
    fn flow_notifications_check() {
        let n = notifications();
        assert_eq!(n.check(&["Room Number", "Guest", "Extra"]), Ok(()));
        assert_eq!(err(n.check(&["Room Number"])), (ErrorCode::UnknownTemplateParameter, Location::Offset(9)));
        assert_eq!(err(n.check(&["Guest", "Room Number", "Guest"])), (ErrorCode::DuplicateKey, Location::Index(2)));
        let broken = FlowNotifications { failure: "{{".into(), ..notifications() };
        assert_eq!(err(broken.check(&["Room Number", "Guest"])).0, ErrorCode::UnclosedPlaceholder);
    }

    fn form() -> PrefilledForm {
        PrefilledForm::new(
            vec![("Room".into(), "2".into()), ("Name".into(), String::new()), ("Email".into(), "a@b.ee".into())],
            &["Room", "Email"],
        )
        .unwrap()
    }

    #[test]
    fn prefilled_fields_are_read_only() {
        let mut f = form();
        assert!(f.is_read_only("Room"));
        assert!(f.is_read_only("Email"));
        assert!(!f.is_read_only("Name"));
        assert!(!f.is_read_only("Nope"));
        assert!(!f.is_read_only("room"));
        assert_eq!(err(f.set("Room", "3")), (ErrorCode::FieldReadOnly, Location::Index(0)));
        assert_eq!(err(f.set("Email", "")).0, ErrorCode::FieldReadOnly);
        assert_eq!(f.get("Room"), Some("2"));
        // Writing back the same value is allowed and changes nothing.
        let before = f.clone();
        assert_eq!(f.set("Room", "2"), Ok(()));
        assert_eq!(f, before);
    }

    #[test]
    fn editable_fields_update_in_place() {
        let mut f = form();
        f.set("Name", "Mari").unwrap();
        f.set("Name", "Mari").unwrap();
        f.set("Name", "Jüri 😀").unwrap();
        assert_eq!(f.get("Name"), Some("Jüri 😀"));
        assert_eq!(f.get("Nope"), None);
        let names: Vec<&str> = f.fields().iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Room", "Name", "Email"], "original order kept");
        assert_eq!(
            f.into_fields(),
            vec![
                (String::from("Room"), String::from("2")),
                (String::from("Name"), String::from("Jüri 😀")),
                (String::from("Email"), String::from("a@b.ee")),
            ]
        );
    }

    #[test]
    fn unknown_field_is_refused() {
        let mut f = form();
        assert_eq!(err(f.set("Nope", "x")), (ErrorCode::UnknownField, Location::None));
        assert_eq!(err(f.set("room", "2")).0, ErrorCode::UnknownField);
        assert_eq!(f, form());
    }

    #[test]
    fn form_construction_errors() {
        let two = || vec![(String::from("A"), String::from("1")), (String::from("B"), String::new())];
        assert_eq!(
            err(PrefilledForm::new(vec![("A".into(), "1".into()), ("A".into(), "2".into())], &[])),
            (ErrorCode::DuplicateKey, Location::Index(1))
        );
        assert_eq!(err(PrefilledForm::new(two(), &["A", "C"])), (ErrorCode::MissingField, Location::Index(1)));
        assert_eq!(err(PrefilledForm::new(Vec::new(), &["A"])).0, ErrorCode::MissingField);
        // A name listed twice in from_qr is harmless.
        let f = PrefilledForm::new(two(), &["A", "A"]).unwrap();
        assert!(f.is_read_only("A"));
        assert!(!f.is_read_only("B"));
        let empty = PrefilledForm::new(Vec::new(), &[]).unwrap();
        assert!(empty.fields().is_empty());
    }
}
