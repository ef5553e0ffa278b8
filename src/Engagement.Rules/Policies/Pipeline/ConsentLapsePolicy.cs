using Engagement.Rules.Decisions;
using Engagement.Rules.Formatting;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// Consent at the due instant: the consent step decides at the evaluation instant, before quiet hours and holds
/// settle when the touch goes out. A touch whose channel rests on an implied grant (CASL) that lapses on or before
/// its final due day is stopped as <see cref="SuppressionReason.NoConsent"/>: it would reach the customer after
/// the consent ran out. It is not moved to another channel (whose windows could change the due instant again):
/// the next evaluation decides afresh with the consents valid then.
/// </summary>
internal sealed class ConsentLapsePolicy : IProposalPolicy
{
    // The consent policy's name: the step belongs to the consent decision, taken again at the due instant.
    public string Name => "consent";

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var active = run.Active;
        for (var i = 0; i < active.Count; i++)
        {
            var candidate = active[i];
            if (candidate.LapsingConsent is not { } lapsing)
            {
                continue;
            }

            var (record, lapses) = lapsing;

            // The same (UTC) day arithmetic as the check at the evaluation instant.
            if (candidate.DueAt.InUtc().Date >= lapses)
            {
                run.Stop(
                    candidate,
                    SuppressionReason.NoConsent,
                    Name,
                    $"{ConsentPolicy.PurposeName(record.Purpose)} consent for {ConsentPolicy.ChannelName(record.Channel)} {ConsentPolicy.Describe(record.GrantBasis)} on {TextValue.Date(record.At.InUtc().Date)} lapses on {TextValue.Date(lapses)} ({input.Jurisdiction.Code}), before the touch is due at {TextValue.Local(candidate.DueAt, input.Zone)}");
                i--;
            }
        }
    }
}
