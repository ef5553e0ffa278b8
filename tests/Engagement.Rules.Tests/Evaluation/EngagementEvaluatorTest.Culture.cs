using System.Globalization;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Policies;
using Engagement.Rules.Tests.Support;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

// Explanations are data (stored, compared, shown): the host's culture must not change a byte of them.
public sealed partial class EngagementEvaluatorTest
{
    [TestCaseSource(typeof(HostCulture), nameof(HostCulture.Unusual))]
    public void Evaluate_UnderAHostCulture_ExplainsNegativePrioritiesAndFractionalCapsAsTheInvariantCulture(string culture)
    {
        // r2 loses today's budget to r1; m1 goes tomorrow, the cap of 36 hours stops m3 the day after, m4 repeats m1's topic.
        var options = PolicyOptions.Default with { Frequency = new FrequencyOptions { Caps = [new FrequencyCap(TouchClass.Marketing, 1, Duration.FromHours(36))] } };
        TouchProposal[] proposals =
        [
            Proposal("r1", TouchClass.Relationship, priority: -5),
            Proposal("r2", TouchClass.Relationship, priority: -7),
            Proposal("m1", due: Today.PlusDays(1), priority: -5),
            Proposal("m3", due: Today.PlusDays(2), priority: -9),
            Proposal("m4", topic: "m1.topic", due: Today.PlusDays(5), priority: -11),
        ];
        string[] Explain() => Evaluate(proposals, options: options).Suppressed.SelectMany(s => s.Explanation.Steps).Select(s => s.ToString()).ToArray();

        var invariant = HostCulture.Run(CultureInfo.InvariantCulture.Name, Explain);
        var local = HostCulture.Run(culture, Explain);

        invariant.Where(s => !s.StartsWith("consent:", System.StringComparison.Ordinal)).Should().Equal(
            "frequency-cap: cap 'Marketing at most 1 per 1.5 days' reached: 'm1.topic' (rule m1, Marketing, priority -5) within 1.5 days of 2026-06-12 10:00",
            "cooldown: topic 'm1.topic' had 'm1.topic' (rule m1, Marketing, priority -5) at 2026-06-11 10:00, within the 30-day cooldown",
            "arbitration: lost to 'r1.topic' (rule r1, Relationship, priority -5) for the 1 non-safety touch(es) allowed on 2026-06-10 (order: class, priority, due, topic, rule id)");
        local.Should().Equal(invariant);
    }
}
