namespace Engagement.Rules.Decisions;

/// <summary>
/// Why a proposed touch was not turned into a decision. The values are stable: hosts may store and report them.
/// </summary>
public enum SuppressionReason
{
    /// <summary>
    /// No channel has the consent the touch's class needs (or the only reachable channels were withdrawn); or the
    /// implied consent the chosen channel rests on lapses before the touch is due.
    /// </summary>
    NoConsent = 0,

    /// <summary>The customer already had as many touches of this class as the frequency cap allows in its window.</summary>
    FrequencyCap = 1,

    /// <summary>The same topic (for the same vehicle) was sent or decided within its cooldown.</summary>
    Cooldown = 2,

    /// <summary>
    /// A suppression condition holds: an open complaint, an open repair order, or a safety touch going out the same
    /// customer-local day (one decided past consent, quiet hours, expiry and its cooldown, or one sent that day; a safety
    /// touch only proposed suppresses nothing).
    /// </summary>
    SuppressionCondition = 3,

    /// <summary>A stop condition holds: the customer is deceased or moved away, or the vehicle is no longer owned.</summary>
    StopCondition = 4,

    /// <summary>E-mail is sunset after too many consecutive unengaged e-mails and no other channel is possible.</summary>
    EmailSunset = 5,

    /// <summary>The customer (or the customer for this rule) is in a control group; reported so the host can measure lift.</summary>
    HeldOut = 6,

    /// <summary>Another touch won arbitration for the customer's daily touch budget.</summary>
    LostArbitration = 7,

    /// <summary>The earliest allowed send time is after the touch's last useful day.</summary>
    Expired = 8,

    /// <summary>The proposal breaks a rule of its class, e.g. an offer in a relationship touch.</summary>
    NotAllowedForClass = 9,

    /// <summary>
    /// The proposal cannot be decided: malformed (a required field missing, an undefined class or channel), for
    /// another customer, about a vehicle not among the customer's facts, or due too close to the end of the calendar.
    /// </summary>
    InvalidProposal = 10,

    /// <summary>
    /// The same occurrence was already sent (its idempotency key is in the touch history), or proposed twice in one
    /// evaluation differently (a second proposal alike but for its explanation is no touch of its own, and not reported).
    /// </summary>
    AlreadySent = 11,

    /// <summary>No allowed contact time exists within the search horizon (e.g. every day is a blackout day).</summary>
    NoContactWindow = 12,
}
