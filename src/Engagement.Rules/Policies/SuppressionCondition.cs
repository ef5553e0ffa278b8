namespace Engagement.Rules.Policies;

/// <summary>A condition under which touches of the suppressed classes are not sent.</summary>
public enum SuppressionCondition
{
    /// <summary>The customer has an open complaint.</summary>
    OpenComplaint = 0,

    /// <summary>The customer has an open repair order (the car is in the shop).</summary>
    OpenRepairOrder = 1,

    /// <summary>
    /// A safety touch goes out on the same customer-local day - decided in the same evaluation (past consent, quiet
    /// hours, expiry and cooldown) or already a <c>TouchSent</c>: the recall notice outranks marketing.
    /// </summary>
    SafetyNoticePending = 2,
}
