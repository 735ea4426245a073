//! The vocabulary of Smart-ID interactions: types, flows, interactions.

use alloc::string::String;
use alloc::vec::Vec;

use crate::json::JsonStr;

/// The interaction types of RP API v3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InteractionType {
    /// `displayTextAndPIN` with `displayText60`: text and PIN on one screen.
    DisplayTextAndPin,
    /// `confirmationMessage` with `displayText200`: a confirmation screen, then PIN.
    ConfirmationMessage,
    /// `confirmationMessageAndVerificationCodeChoice` with `displayText200` (notification flows only).
    ConfirmationMessageAndVerificationCodeChoice,
}

/// Which display-text member an interaction type carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    /// `displayText60`, at most 60 Unicode scalar values.
    DisplayText60,
    /// `displayText200`, at most 200 Unicode scalar values.
    DisplayText200,
}

impl TextField {
    /// The JSON member name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::DisplayText60 => "displayText60",
            Self::DisplayText200 => "displayText200",
        }
    }

    /// The maximum length in Unicode scalar values of the unescaped text.
    #[must_use]
    pub const fn max_chars(self) -> usize {
        match self {
            Self::DisplayText60 => 60,
            Self::DisplayText200 => 200,
        }
    }
}

impl InteractionType {
    /// All known types, in documentation order.
    pub const ALL: [InteractionType; 3] =
        [Self::DisplayTextAndPin, Self::ConfirmationMessage, Self::ConfirmationMessageAndVerificationCodeChoice];

    /// The wire name (`displayTextAndPIN`, ...).
    ///
    /// ```
    /// use ssi_verify_core::smartid::InteractionType;
    /// assert_eq!(InteractionType::DisplayTextAndPin.name(), "displayTextAndPIN");
    /// assert_eq!(InteractionType::from_name("confirmationMessage"), Some(InteractionType::ConfirmationMessage));
    /// assert_eq!(InteractionType::from_name("displayTextAndPin"), None); // case matters
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::DisplayTextAndPin => "displayTextAndPIN",
            Self::ConfirmationMessage => "confirmationMessage",
            Self::ConfirmationMessageAndVerificationCodeChoice => "confirmationMessageAndVerificationCodeChoice",
        }
    }

    /// The type with this exact wire name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    pub(crate) fn from_json(name: &JsonStr<'_>) -> Option<Self> {
        Self::ALL.into_iter().find(|t| name.eq_str(t.name()))
    }

    /// The display-text member this type requires.
    #[must_use]
    pub const fn text_field(self) -> TextField {
        match self {
            Self::DisplayTextAndPin => TextField::DisplayText60,
            Self::ConfirmationMessage | Self::ConfirmationMessageAndVerificationCodeChoice => TextField::DisplayText200,
        }
    }

    /// Whether the type may be listed for `flow` (the table in the RP API "Interactions" page).
    #[must_use]
    pub const fn allowed_in(self, flow: Flow) -> bool {
        match self {
            Self::DisplayTextAndPin | Self::ConfirmationMessage => true,
            Self::ConfirmationMessageAndVerificationCodeChoice => matches!(flow, Flow::Notification),
        }
    }

    pub(crate) const fn bit(self) -> u8 {
        match self {
            Self::DisplayTextAndPin => 1,
            Self::ConfirmationMessage => 2,
            Self::ConfirmationMessageAndVerificationCodeChoice => 4,
        }
    }
}

/// The session flow an interactions list is sent with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flow {
    /// Device-link flows (QR, Web2App, App2App).
    DeviceLink,
    /// Notification-based flows.
    Notification,
    /// The linked notification signature endpoint (`/v3/signature/notification/linked`).
    LinkedNotification,
}

impl Flow {
    /// The CLI spelling (`device-link`, `notification`, `linked-notification`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::DeviceLink => "device-link",
            Self::Notification => "notification",
            Self::LinkedNotification => "linked-notification",
        }
    }

    /// The flow with this CLI spelling.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::DeviceLink, Self::Notification, Self::LinkedNotification].into_iter().find(|f| f.name() == name)
    }
}

/// How an interactions list is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// What the RP server enforces for a flow (HTTP 400 rules 1-4): unknown types are errors.
    Strict(Flow),
    /// The strict rules without the per-flow type table (for encoding before the flow is known).
    AnyFlow,
    /// The app's reading: unknown types are skipped (they may be newer than this library), known
    /// entries are validated strictly, malformed entries are errors.
    Wallet,
}

/// One validated interaction, borrowing its unescaped text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interaction<'a> {
    /// The type.
    pub kind: InteractionType,
    /// The display text, unescaped (so `\u20ac` reads as `€`).
    pub text: &'a str,
}

impl Interaction<'_> {
    /// An owned copy.
    #[must_use]
    pub fn to_owned_interaction(&self) -> OwnedInteraction {
        OwnedInteraction { kind: self.kind, text: String::from(self.text) }
    }
}

/// One validated interaction that owns its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OwnedInteraction {
    /// The type.
    pub kind: InteractionType,
    /// The display text, unescaped.
    pub text: String,
}

impl OwnedInteraction {
    /// A borrowed view.
    #[must_use]
    pub fn as_interaction(&self) -> Interaction<'_> {
        Interaction { kind: self.kind, text: &self.text }
    }
}

/// A decoded interactions list that borrows a caller's scratch buffer (no heap).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interactions<'a> {
    pub(crate) base64: &'a str,
    pub(crate) items: heapless::Vec<Interaction<'a>, 3>,
    pub(crate) skipped: usize,
}

impl<'a> Interactions<'a> {
    /// The Base64 text exactly as received (reuse it for authCode and ACSP_V2).
    #[must_use]
    pub fn base64(&self) -> &'a str {
        self.base64
    }

    /// The interactions in the RP's order (known types only in the wallet reading).
    #[must_use]
    pub fn as_slice(&self) -> &[Interaction<'a>] {
        &self.items
    }

    /// Number of entries skipped because their type is unknown (wallet reading only).
    #[must_use]
    pub fn skipped_unknown(&self) -> usize {
        self.skipped
    }

    /// Whether `kind` is offered.
    #[must_use]
    pub fn offers(&self, kind: InteractionType) -> bool {
        self.items.iter().any(|i| i.kind == kind)
    }

    /// An owned copy.
    #[must_use]
    pub fn to_list(&self) -> InteractionList {
        InteractionList {
            base64: String::from(self.base64),
            items: self.items.iter().map(Interaction::to_owned_interaction).collect(),
            skipped: self.skipped,
        }
    }
}

/// A decoded interactions list that owns its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InteractionList {
    /// The Base64 text exactly as received.
    pub base64: String,
    /// The interactions in the RP's order (known types only in the wallet reading).
    pub items: Vec<OwnedInteraction>,
    /// Number of entries skipped because their type is unknown (wallet reading only).
    pub skipped: usize,
}
