namespace Engagement.Rules.Decisions;

/// <summary>
/// Stable codes of the warnings and errors an evaluation reports. Every code but <see cref="EvaluationFailed"/> is a
/// warning: the result's decisions stand. <see cref="EvaluationFailed"/> is the one error: nothing was decided.
/// </summary>
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
    /// the calendar for the contact-time search. That touch is suppressed (<see cref="SuppressionReason.InvalidProposal"/>);
    /// the other decisions stand.
    /// </summary>
    InvalidProposal = 2,

    /// <summary>No jurisdiction rule matched the customer's jurisdiction: only the built-in defaults applied.</summary>
    UnknownJurisdiction = 3,

    /// <summary>
    /// Error: the evaluation of this customer failed (the message says why); nothing was decided. Only a batch
    /// (<see cref="IEngagementEvaluator.EvaluateAsync"/>) reports it, so that the batch goes on; a single
    /// <see cref="IEngagementEvaluator.Evaluate(CustomerFacts)"/> throws an <see cref="EngagementEvaluationException"/> instead.
    /// </summary>
    EvaluationFailed = 4,
}
