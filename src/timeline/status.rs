//! Statuses of a state in an alliance, alliance kinds, and what each event kind does.

/// The standing of a state in an alliance on a day.
///
/// Formal members (the map's colour, [`Timeline::members_at`](super::Timeline::members_at)) are
/// `Member`, `Frozen`, `Inactive` and `OutsideIntegratedCommand`.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum Status {
    /// Full member.
    Member,
    /// Signed, not yet in force / instrument not yet deposited.
    Signatory,
    /// Applied for membership.
    Applicant,
    /// Participation frozen; still formally a member (Armenia in the CSTO from 2024-02-22).
    Frozen,
    /// Membership suspended; not counted as a member (Uzbekistan in the CSTO from 2012-06-28).
    Suspended,
    /// Stopped taking part; still formally a member (Albania in the Warsaw Pact 1962–1968).
    Inactive,
    /// Member outside the integrated military command (France 1966–2009, Greece 1974–1980).
    OutsideIntegratedCommand,
}

impl Status {
    /// All statuses, strongest first.
    pub const ALL: [Status; 7] = [
        Status::Member,
        Status::OutsideIntegratedCommand,
        Status::Frozen,
        Status::Inactive,
        Status::Suspended,
        Status::Signatory,
        Status::Applicant,
    ];

    /// The snake_case name used in data and JSON: `member`, …, `outside_integrated_command`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Member => "member",
            Status::Signatory => "signatory",
            Status::Applicant => "applicant",
            Status::Frozen => "frozen",
            Status::Suspended => "suspended",
            Status::Inactive => "inactive",
            Status::OutsideIntegratedCommand => "outside_integrated_command",
        }
    }

    /// Whether the state counts as a member (and is coloured on the map).
    pub fn is_formal_member(self) -> bool {
        matches!(
            self,
            Status::Member | Status::Frozen | Status::Inactive | Status::OutsideIntegratedCommand
        )
    }

    /// Rank for "strongest standing": member (7) > outside_integrated_command > frozen >
    /// inactive > suspended > signatory > applicant (1).
    pub fn strength(self) -> u8 {
        match self {
            Status::Member => 7,
            Status::OutsideIntegratedCommand => 6,
            Status::Frozen => 5,
            Status::Inactive => 4,
            Status::Suspended => 3,
            Status::Signatory => 2,
            Status::Applicant => 1,
        }
    }
}

/// Whether an alliance colours the map or is only shown as context.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum AllianceKind {
    /// A military alliance (NATO, CSTO, Warsaw Pact): colours the map.
    Alliance,
    /// A context layer (SCO): never colours the map.
    Context,
}

impl AllianceKind {
    /// `alliance` or `context`.
    pub fn as_str(self) -> &'static str {
        match self {
            AllianceKind::Alliance => "alliance",
            AllianceKind::Context => "context",
        }
    }

    /// Parses `alliance` or `context`.
    pub fn parse(text: &str) -> Option<AllianceKind> {
        match text {
            "alliance" => Some(AllianceKind::Alliance),
            "context" => Some(AllianceKind::Context),
            _ => None,
        }
    }
}

/// What an event does to the standing of its state.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Effect {
    /// The state's status becomes this (needs a state).
    Set(Status),
    /// The state's status ends (needs a state).
    Clear,
    /// `signed`: signatory for a state, informational at alliance level.
    Signed,
    /// Every state's status in the alliance ends (alliance level only).
    DissolveAll,
    /// Changes nothing (may name a state or not).
    Info,
}

/// Every event kind, with its effect. The order is the one printed in error messages.
pub(crate) const EVENT_KINDS: &[(&str, Effect)] = &[
    ("signed", Effect::Signed),
    ("joined", Effect::Set(Status::Member)),
    ("rejoined", Effect::Set(Status::Member)),
    ("resumed", Effect::Set(Status::Member)),
    ("application", Effect::Set(Status::Applicant)),
    ("suspended", Effect::Set(Status::Suspended)),
    ("inactive", Effect::Set(Status::Inactive)),
    ("froze", Effect::Set(Status::Frozen)),
    (
        "left_integrated_command",
        Effect::Set(Status::OutsideIntegratedCommand),
    ),
    ("rejoined_integrated_command", Effect::Set(Status::Member)),
    ("withdrew", Effect::Clear),
    ("dissolved", Effect::DissolveAll),
    ("entered_into_force", Effect::Info),
    ("extended", Effect::Info),
    ("charter", Effect::Info),
    ("agreement", Effect::Info),
    ("declaration", Effect::Info),
    ("deployment_start", Effect::Info),
    ("deployment_end", Effect::Info),
    ("withdrawal_declared", Effect::Info),
    ("withdrawal_announced", Effect::Info),
    ("military_integration", Effect::Info),
    ("military_structures_dissolved", Effect::Info),
    ("ceased_to_exist", Effect::Info),
    ("reunification", Effect::Info),
    ("aspiration", Effect::Info),
];

/// The effect of an event kind, or `None` if the kind is unknown.
pub(crate) fn effect_of(kind: &str) -> Option<Effect> {
    EVENT_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, e)| *e)
}

/// The known event kinds, comma separated (for error messages).
pub(crate) fn known_kinds() -> String {
    EVENT_KINDS
        .iter()
        .map(|(k, _)| *k)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn strength_order_and_formal_members() {
        let s: Vec<u8> = Status::ALL.iter().map(|s| s.strength()).collect();
        assert_eq!(s, [7, 6, 5, 4, 3, 2, 1]);
        let formal: Vec<&str> = Status::ALL
            .iter()
            .filter(|s| s.is_formal_member())
            .map(|s| s.as_str())
            .collect();
        assert_eq!(
            formal,
            ["member", "outside_integrated_command", "frozen", "inactive"]
        );
    }

    #[test]
    fn every_kind_is_known_once() {
        for (i, (k, _)) in EVENT_KINDS.iter().enumerate() {
            assert!(
                EVENT_KINDS[i + 1..].iter().all(|(o, _)| o != k),
                "{k} twice"
            );
            assert!(effect_of(k).is_some());
        }
        assert_eq!(effect_of("joind"), None);
    }
}
