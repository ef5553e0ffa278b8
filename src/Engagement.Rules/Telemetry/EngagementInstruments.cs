using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;

namespace Engagement.Rules.Telemetry;

/// <summary>The instruments of the <see cref="EngagementTelemetry.MeterName"/> meter and how results feed them.</summary>
internal sealed class EngagementInstruments
{
    internal const string OutcomeTag = "outcome";
    internal const string RuleIdTag = "rule.id";
    internal const string ClassTag = "touch.class";
    internal const string ChannelTag = "touch.channel";
    internal const string ReasonTag = "suppression.reason";

    private static readonly string[] ClassNames = Names<TouchClass>();
    private static readonly string[] ChannelNames = Names<ContactChannel>();
    private static readonly string[] ReasonNames = Names<SuppressionReason>();

    private readonly Counter<long> _evaluations;
    private readonly Counter<long> _rulesFired;
    private readonly Counter<long> _decided;
    private readonly Counter<long> _suppressed;
    private readonly Histogram<double> _duration;
    private readonly EventHandler<MatchEventArgs> _onRuleFired;

    public EngagementInstruments(Meter meter)
    {
        _evaluations = meter.CreateCounter<long>(EngagementTelemetry.EvaluationsInstrument, "{evaluation}", "Customers evaluated.");
        _rulesFired = meter.CreateCounter<long>(EngagementTelemetry.RulesFiredInstrument, "{firing}", "Rule firings, by rule id.");
        _decided = meter.CreateCounter<long>(EngagementTelemetry.TouchesDecidedInstrument, "{touch}", "Touches decided, by class and channel.");
        _suppressed = meter.CreateCounter<long>(EngagementTelemetry.TouchesSuppressedInstrument, "{touch}", "Touches suppressed or held out, by class and reason.");
        _duration = meter.CreateHistogram<double>(EngagementTelemetry.EvaluationDurationInstrument, "ms", "Time to evaluate one customer (rules and policies).");
        _onRuleFired = (_, e) => _rulesFired.Add(1, new KeyValuePair<string, object?>(RuleIdTag, e.Match.Rule.Id));
    }

    /// <summary>Counts the session's rule firings, only while someone listens (an unobserved session pays nothing).</summary>
    public void Observe(ISession session)
    {
        if (_rulesFired.Enabled)
        {
            session.Events.RuleFired += _onRuleFired;
        }
    }

    public void Succeeded(EngagementResult result, double milliseconds)
    {
        var ok = new KeyValuePair<string, object?>(OutcomeTag, "ok");
        _evaluations.Add(1, ok);
        _duration.Record(milliseconds, ok);
        if (_decided.Enabled)
        {
            foreach (var touch in result.Decisions)
            {
                _decided.Add(1, new KeyValuePair<string, object?>(ClassTag, Name(ClassNames, (int)touch.Class)), new KeyValuePair<string, object?>(ChannelTag, Name(ChannelNames, (int)touch.Channel)));
            }
        }

        if (_suppressed.Enabled)
        {
            foreach (var touch in result.Suppressed.Concat(result.HeldOut))
            {
                _suppressed.Add(1, new KeyValuePair<string, object?>(ClassTag, Name(ClassNames, (int)touch.Proposal.Class)), new KeyValuePair<string, object?>(ReasonTag, Name(ReasonNames, (int)touch.Reason)));
            }
        }
    }

    public void Failed(double milliseconds)
    {
        var failed = new KeyValuePair<string, object?>(OutcomeTag, "failed");
        _evaluations.Add(1, failed);
        _duration.Record(milliseconds, failed);
    }

    internal static string TagValue(TouchClass value) => Name(ClassNames, (int)value);

    internal static string TagValue(ContactChannel value) => Name(ChannelNames, (int)value);

    internal static string TagValue(SuppressionReason value) => Name(ReasonNames, (int)value);

    private static string Name(string[] names, int value) => (uint)value < (uint)names.Length && names[value] is { } name ? name : "other";

    // Tag values are snake_case enum names, computed once: no allocation per measurement.
    private static string[] Names<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new string[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = SnakeCase(value.ToString());
        }

        return names;
    }

    private static string SnakeCase(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
