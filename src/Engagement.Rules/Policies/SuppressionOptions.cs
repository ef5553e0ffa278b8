using System.Collections.Generic;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Policies;

/// <summary>Settings of the suppression policy.</summary>
public sealed record SuppressionOptions
{
    /// <summary>The conditions checked. Default all: open complaint, open repair order, safety touch on the same day.</summary>
    public IReadOnlyList<SuppressionCondition> Conditions { get; init => field = Snapshot.List(value); } =
        [SuppressionCondition.OpenComplaint, SuppressionCondition.OpenRepairOrder, SuppressionCondition.SafetyNoticePending];

    /// <summary>The classes suppressed while a condition holds. Default marketing (safety cannot be suppressed).</summary>
    public IReadOnlyList<TouchClass> SuppressedClasses { get; init => field = Snapshot.List(value); } = [TouchClass.Marketing];
}
