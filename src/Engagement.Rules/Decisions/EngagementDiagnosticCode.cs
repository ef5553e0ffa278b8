namespace Engagement.Rules.Decisions;

/// <summary>Stable codes of the warnings and errors an evaluation reports.</summary>
public enum EngagementDiagnosticCode
{
    /// <summary>The customer's time zone id is unknown: the dealership's zone and conservative contact windows were used.</summary>
    UnknownCustomerTimeZone = 0,

    /// <summary>
    /// The customer's time zone is unknown and the plausible zones of the jurisdiction have no common contact
    /// window: the fixed conservative window in the dealership's zone was used.
    /// </summary>
    ConservativeWindowFallback = 1,

    /// <summary>
    /// A rule proposed a touch that cannot be decided: malformed (a required field missing, an undefined class or
    /// channel), for another customer, about a vehicle not among the customer's facts, or due too close to the end of
    /// the calendar for the contact-time search.
    /// </summary>
    InvalidProposal = 2,

    /// <summary>No jurisdiction rule matched the customer's jurisdiction: only the built-in defaults applied.</summary>
    UnknownJurisdiction = 3,

    /// <summary>The evaluation of this customer failed (the message says why); nothing was decided.</summary>
    EvaluationFailed = 4,
}
