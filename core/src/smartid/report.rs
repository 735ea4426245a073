//! The JSON forms of the Smart-ID reports (interactions, device links, verification codes).
//! C, UniFFI and the CLI hand out exactly these bytes.

use alloc::string::String;

use crate::json::Value;
use crate::report::Report;
use crate::smartid::{DeviceLink, OwnedInteraction};

/// One interaction: `{"type":…,"displayText60"|"displayText200":…}`.
#[must_use]
pub fn interaction_value(i: &OwnedInteraction) -> Value {
    Report::new().text("type", i.kind.name()).text(i.kind.text_field().name(), &i.text).into_value()
}

/// A decoded list: `{"interactions":[…]}` in the RP's order.
#[must_use]
pub fn interactions_json(items: &[OwnedInteraction]) -> String {
    Report::new().value("interactions", Value::Array(items.iter().map(interaction_value).collect())).into_json()
}

/// The app's choice: the selected interaction's object.
#[must_use]
pub fn selection_json(i: &OwnedInteraction) -> String {
    interaction_value(i).to_json()
}

/// `{"authCode":…,"deviceLink":…}`.
#[must_use]
pub fn device_link_json(link: &DeviceLink) -> String {
    Report::new().text("authCode", &link.auth_code).text("deviceLink", &link.device_link).into_json()
}

/// `{"verificationCode":"1234"}`.
///
/// ```
/// use ssi_verify_core::smartid::report::verification_code_json;
/// assert_eq!(verification_code_json(*b"0042"), r#"{"verificationCode":"0042"}"#);
/// ```
#[must_use]
pub fn verification_code_json(code: [u8; 4]) -> String {
    let text: String = code.iter().map(|&b| char::from(b)).collect();
    Report::new().text("verificationCode", &text).into_json()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::smartid::InteractionType;
    use alloc::string::ToString as _;

    fn item(kind: InteractionType, text: &str) -> OwnedInteraction {
        OwnedInteraction { kind, text: text.to_string() }
    }

    #[test]
    fn interactions_keep_the_rps_order_and_each_types_text_field() {
        let items = [
            item(InteractionType::ConfirmationMessage, "Pay \"5\" €"),
            item(InteractionType::DisplayTextAndPin, "Log in"),
        ];
        assert_eq!(
            interactions_json(&items),
            r#"{"interactions":[{"type":"confirmationMessage","displayText200":"Pay \"5\" €"},{"type":"displayTextAndPIN","displayText60":"Log in"}]}"#
        );
        assert_eq!(interactions_json(&[]), r#"{"interactions":[]}"#);
        assert_eq!(selection_json(&items[1]), r#"{"type":"displayTextAndPIN","displayText60":"Log in"}"#);
    }

    #[test]
    fn device_link_report_leaves_the_payload_out() {
        let link = DeviceLink {
            auth_code: "abc-_".to_string(),
            device_link: "https://smart-id.com/device-link/?a=1&authCode=abc-_".to_string(),
            auth_code_payload: "secret-free but long".to_string(),
        };
        assert_eq!(
            device_link_json(&link),
            r#"{"authCode":"abc-_","deviceLink":"https://smart-id.com/device-link/?a=1&authCode=abc-_"}"#
        );
    }

    #[test]
    fn verification_code_is_the_four_digits() {
        assert_eq!(verification_code_json(*b"9071"), r#"{"verificationCode":"9071"}"#);
    }
}
