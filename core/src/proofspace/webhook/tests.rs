//! Unit tests of the webhook bodies (kept apart: webhook.rs holds the wire types).

use super::*;

const REQUEST: &str = r#"{"publicServiceDid":"FhnK3hGQ6EeQHKztiHJ6pu","subscriberConnectDid":"subscriberConnectDid_54321","actionId":"a1","actionInstanceId":"ai1","actionEventId":"ev1","actionParams":[],"receivedCredentials":[{"credentialId":"FhnK3hGQ6EeQHKztiHJ6pu:3:CL:649:tag","schemaId":"FhnK3hGQ6EeQHKztiHJ6pu:2:Example Secret Access:1.0","fields":[{"name":"Access Level","value":"Super Secret Level"}],"utcIssuedAt":1648800000000,"revoked":false}]}"#;

/// A credential with one field, the shape most tests need.
fn credential(id: &str) -> Credential {
    Credential::new(id, "X:2:S:1.0", alloc::vec![NameValue { name: "Age".into(), value: "30".into() }])
}

fn req() -> InteractionRequest {
    InteractionRequest::parse(REQUEST, &Limits::DEFAULT).unwrap()
}

#[test]
fn request_parses() {
    let r = req();
    assert_eq!(r.public_service_did, "FhnK3hGQ6EeQHKztiHJ6pu");
    assert_eq!(r.received_credentials[0].fields[0].value, "Super Secret Level");
    assert_eq!(r.received_credentials[0].utc_issued_at, Some(1_648_800_000_000));
    assert!(r.unknown_members.is_empty());
    let extra = REQUEST.replacen("{", r#"{"containerPrefix":"cp","newThing":1,"#, 1);
    let r = InteractionRequest::parse(&extra, &Limits::DEFAULT).unwrap();
    assert_eq!(r.container_prefix.as_deref(), Some("cp"));
    assert_eq!(r.unknown_members, ["newThing"]);
}

#[test]
fn request_rejections() {
    let code = |s: &str| InteractionRequest::parse(s, &Limits::DEFAULT).unwrap_err().code();
    assert_eq!(
        code(&REQUEST.replace(r#""value":"Super Secret Level""#, r#""value":42"#)),
        ErrorCode::UnexpectedJsonType
    );
    assert_eq!(code(&REQUEST.replace(r#""actionEventId":"ev1","#, "")), ErrorCode::MissingField);
    assert_eq!(
        code(&REQUEST.replace(r#""actionEventId":"ev1""#, r#""actionEventId":"""#)),
        ErrorCode::InvalidFieldValue
    );
    assert_eq!(code(&REQUEST.replace(r#""revoked":false"#, r#""revoked":"no""#)), ErrorCode::UnexpectedJsonType);
    assert_eq!(
        code(&REQUEST.replace(r#""actionId":"a1""#, r#""actionId":"a1","actionId":"a2""#)),
        ErrorCode::DuplicateKey
    );
    assert_eq!(
        code(&REQUEST.replace(r#"{"name":"Access Level","#, r#"{"extra":"x","name":"Access Level","#)),
        ErrorCode::UnknownField
    );
    assert_eq!(code("[]"), ErrorCode::UnexpectedJsonType);
}

#[test]
fn response_round_trip_and_checks() {
    let r = req();
    let issued = credential("X:3:CL:1:t");
    let resp = InteractionResponse::answering(&r, alloc::vec![issued]);
    let json = resp.to_json();
    assert!(json.starts_with(r#"{"serviceDid":"FhnK3hGQ6EeQHKztiHJ6pu","subscriberConnectDid":"subscriberConnectDid_54321","actionEventId":"ev1","issuedCredentials":[{"#));
    let back = InteractionResponse::parse(&json, &Limits::DEFAULT).unwrap();
    assert_eq!(back, resp);
    let (v, m) = check_response(&r, &back, &BTreeMap::new()).unwrap();
    assert_eq!((v, m.len()), (Verdict::Valid, 0));
    let wrong =
        InteractionResponse { service_did: "other".into(), action_event_id: "ev2".into(), ok: Some(false), ..back };
    let (v, m) = check_response(&r, &wrong, &BTreeMap::new()).unwrap();
    assert_eq!(v, Verdict::Invalid(ErrorCode::ResponseMismatch));
    let paths: Vec<&str> = m.iter().map(|x| x.path.as_str()).collect();
    assert_eq!(paths, ["serviceDid", "actionEventId", "ok"]);
    let postponed = InteractionResponse::postponing(&r, &[("X:3:CL:1:t", "X:2:S:1.0")]);
    assert!(postponed.issued_credentials[0].is_postponed());
    assert!(postponed.to_json().contains(r#""fields":[]"#));
}

#[test]
fn replies() {
    let r = parse_reply(&failure_reply("denied", Some("age < 18")), &Limits::DEFAULT).unwrap();
    assert_eq!(
        r,
        Reply { protocol_version: 1, ok: false, message: Some("denied".into()), details: Some("age < 18".into()) }
    );
    let other = r#"{"ok":false,"type":"failure","serviceDid":"","protocolVersion":1,"message":"ERROR: missing ActionEventId","issuedCredentials":null}"#;
    assert_eq!(parse_reply(other, &Limits::DEFAULT).unwrap().message.as_deref(), Some("ERROR: missing ActionEventId"));
    assert!(parse_reply(r#"{"protocolVersion":1,"ok":true}"#, &Limits::DEFAULT).unwrap().ok);
    assert_eq!(parse_reply("{}", &Limits::DEFAULT).unwrap_err().code(), ErrorCode::MissingField);
}

#[test]
fn issued_and_failed_bodies_both_variants() {
    let cred = Credential::new(
        "X:3:CL:1:t",
        "X:2:S:1.0",
        alloc::vec![NameValue { name: "Document ID".into(), value: "007".into() }],
    );
    for trigger in [
        Trigger::App { subscriber_event_id: "ev1".into() },
        Trigger::Push {
            action_template: "tpl".into(),
            action_params: alloc::vec![NameValue { name: "Room".into(), value: "2".into() }],
        },
    ] {
        let body = CredentialsIssued {
            service_did: "svc".into(),
            subscriber_connect_did: "sub".into(),
            trigger: trigger.clone(),
            credentials: alloc::vec![cred.clone()],
            issued_at: 1_648_800_000_000,
            unknown_members: Vec::new(),
        };
        assert_eq!(CredentialsIssued::parse(&body.to_json(), &Limits::DEFAULT).unwrap(), body);
        let failed = CredentialsIssuingFailed {
            service_did: "svc".into(),
            subscriber_connect_did: "sub".into(),
            trigger,
            error_message: "registry down".into(),
            credentials_ids: alloc::vec!["X:3:CL:1:t".into()],
            unknown_members: Vec::new(),
        };
        assert_eq!(CredentialsIssuingFailed::parse(&failed.to_json(), &Limits::DEFAULT).unwrap(), failed);
    }
    let both = r#"{"serviceDid":"s","subscriberConnectDid":"c","subscriberEventId":"e","actionTemplate":"t","errorMessage":"x","credentialsIds":[]}"#;
    assert_eq!(
        CredentialsIssuingFailed::parse(both, &Limits::DEFAULT).unwrap_err().code(),
        ErrorCode::InvalidFieldValue
    );
    let neither = r#"{"serviceDid":"s","subscriberConnectDid":"c","errorMessage":"x","credentialsIds":[]}"#;
    assert_eq!(CredentialsIssuingFailed::parse(neither, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::MissingField);
}

#[test]
fn urls() {
    assert_eq!(
        webhook_url("https://platform.proofspace.id", "D1d", Endpoint::CredentialsIssuingFailed).unwrap(),
        "https://platform.proofspace.id/service/D1d/webhook-accept/credentials-issuing-failed"
    );
    assert_eq!(
        public_key_url("https://test.proofspace.id/service-dashboard-backend", "D1d", "default").unwrap(),
        "https://test.proofspace.id/service-dashboard-backend/service/D1d/public-info/public-key/default"
    );
    assert!(webhook_url("ftp://x", "D", Endpoint::CredentialsIssued).is_err());
    assert_eq!(
        webhook_url("http://x/", "D", Endpoint::CredentialsIssued).unwrap(),
        "http://x/service/D/webhook-accept/credentials-issued"
    );
    // Each rule alone: no authority, a query, a fragment.
    for root in ["https:x", "https://x?a=1", "https://x#f"] {
        let err = webhook_url(root, "D", Endpoint::CredentialsIssued).unwrap_err();
        assert_eq!(err.detail(), "container root must be a plain http(s) URL", "{root}");
    }
    assert!(webhook_url("https://x", "a/b", Endpoint::CredentialsIssued).is_err());
    assert!(public_key_url("https://x", "D", "../k").is_err());
}

#[test]
fn params_are_found_by_name() {
    let with_params = REQUEST.replace(
        r#""actionParams":[]"#,
        r#""actionParams":[{"name":"Room","value":"2"},{"name":"Floor","value":"3"}]"#,
    );
    let r = InteractionRequest::parse(&with_params, &Limits::DEFAULT).unwrap();
    assert_eq!((r.param("Room"), r.param("Floor"), r.param("room")), (Some("2"), Some("3"), None));
}

#[test]
fn response_reports_unknown_members_and_flags_only_true_duplicates() {
    let r = req();
    let two = InteractionResponse::answering(&r, alloc::vec![credential("X:3:CL:1:a"), credential("X:3:CL:1:b")]);
    let json = two.to_json().replacen('{', r#"{"extra":true,"#, 1);
    let back = InteractionResponse::parse(&json, &Limits::DEFAULT).unwrap();
    assert_eq!(back.unknown_members, ["extra"]);
    assert_eq!(check_response(&r, &back, &BTreeMap::new()).unwrap(), (Verdict::Valid, Vec::new()));
    let same = InteractionResponse::answering(&r, alloc::vec![credential("X:3:CL:1:a"), credential("X:3:CL:1:a")]);
    let (v, m) = check_response(&r, &same, &BTreeMap::new()).unwrap();
    assert_eq!(v, Verdict::Invalid(ErrorCode::ResponseMismatch));
    let found: Vec<(&str, ErrorCode)> = m.iter().map(|x| (x.path.as_str(), x.error.code())).collect();
    assert_eq!(found, [("issuedCredentials[1]", ErrorCode::DuplicateKey)]);
}

fn issued_body(trigger: Trigger, credentials: Vec<Credential>) -> String {
    CredentialsIssued {
        service_did: "svc".into(),
        subscriber_connect_did: "sub".into(),
        trigger,
        credentials,
        issued_at: 1_648_800_000_000,
        unknown_members: Vec::new(),
    }
    .to_json()
}

#[test]
fn trigger_needs_a_non_empty_id_and_app_events_carry_no_params() {
    let cred = credential("X:3:CL:1:t");
    let code = |json: &str| CredentialsIssued::parse(json, &Limits::DEFAULT).map(|_| ()).unwrap_err().code();
    let app = issued_body(Trigger::App { subscriber_event_id: "ev1".into() }, alloc::vec![cred.clone()]);
    assert!(CredentialsIssued::parse(&app, &Limits::DEFAULT).is_ok());
    assert_eq!(
        code(&app.replace(r#""subscriberEventId":"ev1""#, r#""subscriberEventId":"""#)),
        ErrorCode::MissingField
    );
    let app_with_params = app.replace(
        r#""subscriberEventId":"ev1""#,
        r#""subscriberEventId":"ev1","actionParams":[{"name":"a","value":"b"}]"#,
    );
    assert_eq!(code(&app_with_params), ErrorCode::MissingField);
    let push = issued_body(
        Trigger::Push { action_template: "tpl".into(), action_params: Vec::new() },
        alloc::vec![cred.clone()],
    );
    assert!(CredentialsIssued::parse(&push, &Limits::DEFAULT).is_ok());
    assert_eq!(code(&push.replace(r#""actionTemplate":"tpl""#, r#""actionTemplate":"""#)), ErrorCode::MissingField);
}

#[test]
fn credentials_issued_needs_credentials_and_every_one_with_fields() {
    let full = credential("X:3:CL:1:t");
    let postponed = Credential::new("X:3:CL:1:u", "X:2:S:1.0", Vec::new());
    let app = || Trigger::App { subscriber_event_id: "ev1".into() };
    for creds in [Vec::new(), alloc::vec![full.clone(), postponed]] {
        let err = CredentialsIssued::parse(&issued_body(app(), creds), &Limits::DEFAULT).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidFieldValue);
    }
    assert!(CredentialsIssued::parse(&issued_body(app(), alloc::vec![full]), &Limits::DEFAULT).is_ok());
}
