using System.Linq;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Tests.Evaluation;

/// <summary>
/// The evaluator's policies, tested through <see cref="IEngagementEvaluator"/> with stand-in rules that return
/// fixed proposals; <c>EngagementEvaluatorTest.Engine.cs</c> runs real compiled rules. Split by concern.
/// </summary>
public sealed partial class EngagementEvaluatorTest
{
    private static TouchDecision Single(EngagementResult result)
    {
        result.Decisions.Should().HaveCount(1, "suppressed: " + string.Join("; ", result.Suppressed.Select(s => $"{s.Reason} {s.Explanation}")));
        return result.Decisions[0];
    }

    private static SuppressedTouch SingleSuppressed(EngagementResult result)
    {
        result.Decisions.Should().BeEmpty();
        result.Suppressed.Should().HaveCount(1);
        return result.Suppressed[0];
    }

    private static string Steps(TouchDecision decision) => string.Join(" | ", decision.Explanation.Steps);

    private static string Steps(SuppressedTouch touch) => string.Join(" | ", touch.Explanation.Steps);
}
