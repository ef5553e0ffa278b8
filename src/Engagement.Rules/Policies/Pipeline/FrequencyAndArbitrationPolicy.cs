using System;
using System.Collections.Generic;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Formatting;
using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// Cooldowns, frequency caps and arbitration, taking candidates in arbitration order - class (safety, service,
/// relationship, marketing), priority (higher first), due instant (earlier first), topic, rule id (ordinal) - so
/// the touch that matters most claims the budget first. Each candidate is checked against the touch history and
/// the touches already accepted in this evaluation: topic cooldown (same topic and vehicle), the class's cap in
/// its rolling window, and the daily budget of non-safety touches. Safety touches bypass caps and the budget.
/// </summary>
internal sealed class FrequencyAndArbitrationPolicy : IProposalPolicy
{
    public string Name => "frequency";

    public static IComparer<Candidate> ArbitrationOrder { get; } = Comparer<Candidate>.Create((x, y) =>
    {
        var c = ((int)x.Proposal.Class).CompareTo((int)y.Proposal.Class); // as ints: Enum.CompareTo(object) boxes
        c = c != 0 ? c : y.Proposal.Priority.CompareTo(x.Proposal.Priority);
        c = c != 0 ? c : x.DueAt.CompareTo(y.DueAt);
        c = c != 0 ? c : string.CompareOrdinal(x.Proposal.Topic, y.Proposal.Topic);
        c = c != 0 ? c : string.CompareOrdinal(x.Proposal.RuleId, y.Proposal.RuleId);
        return c != 0 ? c : string.CompareOrdinal(x.Key, y.Key);
    });

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var options = input.Options;
        var active = run.Active;
        if (active.Count == 0)
        {
            return;
        }

        // Arbitration order from here on (the holdouts that follow do not depend on the order).
        run.SortActive(StableArbitrationOrder);

        // The touches counted against each candidate: the history (oldest first), then the candidates accepted so
        // far in arbitration order. Names for explanations are made only when a candidate is stopped.
        var touches = new Touches(input.History, input.Zone);

        // The arbitration text depends only on the day and the touches counted so far: candidates that lose on the
        // same day with nothing accepted in between (a customer's several touches due today) share the last one.
        var lost = default(LostOn);

        // SafetyNoticePending is a suppression condition, checked here because only now is it known which safety
        // touches go out (consent, quiet hours, expiry and cooldown have had their say) and on which local day.
        // Safety touches come first in arbitration order, so every accepted one is known before any other class.
        var safetyDaySuppresses = OptionLists.Contains(options.Suppression.Conditions, SuppressionCondition.SafetyNoticePending);
        for (var i = 0; i < active.Count; i++)
        {
            var candidate = active[i];
            var proposal = candidate.Proposal;
            var at = candidate.DueAt;
            if (safetyDaySuppresses && OptionLists.Contains(options.Suppression.SuppressedClasses, proposal.Class) && SafetyOnSameDay(touches, at, input.Zone) is { } safety)
            {
                SuppressionPolicy.Stop(run, candidate, safety);
                i--;
                continue;
            }

            var cooldown = options.Frequency.TopicCooldowns.TryGetValue(proposal.Topic, out var specific) ? specific : options.Frequency.TopicCooldown;
            if (!OptionLists.Contains(options.Frequency.CooldownExemptClasses, proposal.Class) && cooldown > Duration.Zero)
            {
                var previous = touches.FirstInCooldown(proposal.Topic, proposal.Vin, at, cooldown);
                if (previous >= 0)
                {
                    run.Stop(candidate, SuppressionReason.Cooldown, "cooldown", $"topic '{proposal.Topic}' had {touches.Name(previous)} at {TextValue.Local(touches.At(previous), input.Zone)}, within the {Text.Number(cooldown.TotalDays)}-day cooldown");
                    i--;
                    continue;
                }
            }

            if (proposal.Class != TouchClass.Safety)
            {
                var cap = Cap(options.Frequency.Caps, proposal.Class);
                if (cap is not null && touches.CountInWindow(proposal.Class, at, cap.Window) >= cap.MaxTouches)
                {
                    var counted = touches.InWindow(proposal.Class, at, cap.Window);
                    run.Stop(candidate, SuppressionReason.FrequencyCap, "frequency-cap", $"cap '{cap}' reached: {counted} within {Text.Number(cap.Window.TotalDays)} days of {TextValue.Local(at, input.Zone)}");
                    i--;
                    continue;
                }

                var day = at.InZone(input.Zone).Date;
                var max = options.Arbitration.MaxNonSafetyTouchesPerDay;
                if (touches.CountNonSafetyOn(day) >= max)
                {
                    if (lost.Text is null || lost.Day != day || lost.Touches != touches.Count)
                    {
                        lost = Lost(touches, day, max);
                    }

                    run.Stop(candidate, lost.Reason, "arbitration", lost.Text);
                    i--;
                    continue;
                }
            }

            touches.Accept(candidate);
        }
    }

    /// <summary>Why a safety touch on the local day of an instant suppresses it, or null when there is none.</summary>
    private static string? SafetyOnSameDay(Touches touches, Instant at, DateTimeZone zone)
    {
        var index = touches.FirstSafetyOn(at.InZone(zone).Date);
        if (index < 0)
        {
            return null;
        }

        // The same text as when the notice was still a proposal: "safety touch 'safety.recall' (rule recall) outranks it".
        return touches.Winner(index) is { Proposal: var safety }
            ? $"safety touch '{safety.Topic}' (rule {safety.RuleId}) outranks it"
            : $"safety touch '{touches.Topic(index)}' (TouchSent {touches.Id(index)}, sent {TextValue.Local(touches.At(index), zone)}) outranks it";
    }

    private static LostOn Lost(Touches touches, LocalDate day, int max)
    {
        var winners = touches.NonSafetyOn(day, winnersOnly: true);
        if (winners.Any())
        {
            return new LostOn(day, touches.Count, SuppressionReason.LostArbitration, $"lost to {winners} for the {max} non-safety touch(es) allowed on {TextValue.Date(day)} (order: class, priority, due, topic, rule id)");
        }

        var sameDay = touches.NonSafetyOn(day, winnersOnly: false);
        return new LostOn(day, touches.Count, SuppressionReason.FrequencyCap, $"the daily budget of {max} non-safety touch(es) on {TextValue.Date(day)} is used by {sameDay}");
    }

    private static int StableArbitrationOrder(Candidate x, Candidate y)
    {
        var c = ArbitrationOrder.Compare(x, y);
        return c != 0 ? c : x.Order.CompareTo(y.Order);
    }

    private static FrequencyCap? Cap(IReadOnlyList<FrequencyCap> caps, TouchClass touchClass)
    {
        for (var i = 0; i < caps.Count; i++)
        {
            if (caps[i].Class == touchClass)
            {
                return caps[i];
            }
        }

        return null;
    }

    private static Duration Distance(Instant a, Instant b) => a > b ? a - b : b - a;

    /// <summary>
    /// The touch history followed by the accepted candidates, addressed by index (history first), without a
    /// record per touch: most evaluations never need a touch's name.
    /// </summary>
    private sealed class Touches(TouchSent[] history, DateTimeZone zone)
    {
        // The accepted candidates with their local day, computed once: every later non-safety candidate asks for it.
        private readonly List<(Candidate Candidate, LocalDate Day)> _accepted = [];

        // The local day of each history touch, computed once (every non-safety candidate asks for all of them).
        private LocalDate[]? _historyDays;

        public int Count => history.Length + _accepted.Count;

        public void Accept(Candidate candidate) => _accepted.Add((candidate, candidate.DueAt.InZone(zone).Date));

        public Candidate? Winner(int index) => index < history.Length ? null : _accepted[index - history.Length].Candidate;

        public TouchClass Class(int index) => index < history.Length ? history[index].Class : _accepted[index - history.Length].Candidate.Proposal.Class;

        public Instant At(int index) => index < history.Length ? history[index].SentAt : _accepted[index - history.Length].Candidate.DueAt;

        public LocalDate Day(int index)
        {
            if (index >= history.Length)
            {
                return _accepted[index - history.Length].Day;
            }

            if (_historyDays is null)
            {
                _historyDays = new LocalDate[history.Length];
                for (var i = 0; i < history.Length; i++)
                {
                    _historyDays[i] = history[i].SentAt.InZone(zone).Date;
                }
            }

            return _historyDays[index];
        }

        /// <summary>The name of a touch, as <see cref="TryWriteName"/> writes it (one definition of the text).</summary>
        public string Name(int index)
        {
            var buffer = new char[64];
            int written;
            while (!TryWriteName(index, buffer, out written))
            {
                buffer = new char[2 * buffer.Length];
            }

            return new string(buffer, 0, written);
        }

        /// <summary>
        /// Writes the name of a touch: "TouchSent id" for the history, "'topic' (rule id, class, priority n)" for a
        /// candidate (the enum's name, the number in the invariant culture whatever the caller's); false when
        /// <paramref name="destination"/> is too small.
        /// </summary>
        public bool TryWriteName(int index, Span<char> destination, out int written)
        {
            var text = new SpanWriter(destination);
            if (index < history.Length)
            {
                text.Append("TouchSent ");
                text.Append(history[index].TouchId);
            }
            else
            {
                var proposal = _accepted[index - history.Length].Candidate.Proposal;
                text.Append("'");
                text.Append(proposal.Topic);
                text.Append("' (rule ");
                text.Append(proposal.RuleId);
                text.Append(", ");
                text.AppendEnum(proposal.Class);
                text.Append(", priority ");
                text.AppendInt(proposal.Priority);
                text.Append(")");
            }

            written = text.Length;
            return text.Fits;
        }

        /// <summary>The first touch of a topic and vehicle within the cooldown of an instant, or -1.</summary>
        public int FirstInCooldown(string topic, string? vin, Instant at, Duration cooldown)
        {
            for (var i = 0; i < Count; i++)
            {
                string? touchTopic;
                string? touchVin;
                if (i < history.Length)
                {
                    touchTopic = history[i].Topic;
                    touchVin = history[i].Vin?.Value;
                }
                else
                {
                    var proposal = _accepted[i - history.Length].Candidate.Proposal;
                    touchTopic = proposal.Topic;
                    touchVin = proposal.Vin;
                }

                if (string.Equals(touchTopic, topic, StringComparison.Ordinal)
                    && string.Equals(touchVin, vin, StringComparison.OrdinalIgnoreCase)
                    && Distance(At(i), at) < cooldown)
                {
                    return i;
                }
            }

            return -1;
        }

        public int CountInWindow(TouchClass touchClass, Instant at, Duration window)
        {
            var count = 0;
            for (var i = 0; i < Count; i++)
            {
                if (Class(i) == touchClass && Distance(At(i), at) < window)
                {
                    count++;
                }
            }

            return count;
        }

        public string Topic(int index) => index < history.Length ? history[index].Topic : _accepted[index - history.Length].Candidate.Proposal.Topic;

        public string Id(int index) => index < history.Length ? history[index].TouchId : _accepted[index - history.Length].Candidate.Key;

        /// <summary>The first safety touch (sent or accepted) on a local day, or -1.</summary>
        public int FirstSafetyOn(LocalDate day)
        {
            for (var i = 0; i < Count; i++)
            {
                if (Class(i) == TouchClass.Safety && Day(i) == day)
                {
                    return i;
                }
            }

            return -1;
        }

        public int CountNonSafetyOn(LocalDate day)
        {
            var count = 0;
            for (var i = 0; i < Count; i++)
            {
                if (Class(i) != TouchClass.Safety && Day(i) == day)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>The touches of a class within a window of an instant, to name in a message.</summary>
        public TouchNames InWindow(TouchClass touchClass, Instant at, Duration window) => new(this, Among.ClassInWindow, touchClass, at, window, default);

        /// <summary>The non-safety touches of a day (or only the candidates accepted in this evaluation), to name in a message.</summary>
        public TouchNames NonSafetyOn(LocalDate day, bool winnersOnly) => new(this, winnersOnly ? Among.WinnersOnDay : Among.NonSafetyOnDay, default, default, default, day);

        public bool IsAmong(int index, in TouchNames names) => names.Among switch
        {
            Among.ClassInWindow => Class(index) == names.Class && Distance(At(index), names.At) < names.Window,
            Among.WinnersOnDay => Winner(index) is not null && Class(index) != TouchClass.Safety && Day(index) == names.Day,
            _ => Class(index) != TouchClass.Safety && Day(index) == names.Day,
        };
    }

    /// <summary>Why a candidate lost the daily budget of a day, given the number of touches counted then.</summary>
    private readonly record struct LostOn(LocalDate Day, int Touches, SuppressionReason Reason, string Text);

    private enum Among
    {
        ClassInWindow,
        NonSafetyOnDay,
        WinnersOnDay,
    }

    /// <summary>
    /// Some touches' names joined with ", ", written straight into the interpolated message that explains a stop
    /// (as <see cref="TextValue"/> writes dates): no string per name, no list of names, no joined string.
    /// </summary>
    private readonly struct TouchNames(Touches touches, Among among, TouchClass touchClass, Instant at, Duration window, LocalDate day) : ISpanFormattable
    {
        public Among Among { get; } = among;

        public TouchClass Class { get; } = touchClass;

        public Instant At { get; } = at;

        public Duration Window { get; } = window;

        public LocalDate Day { get; } = day;

        public bool Any()
        {
            for (var i = 0; i < touches.Count; i++)
            {
                if (touches.IsAmong(i, this))
                {
                    return true;
                }
            }

            return false;
        }

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            charsWritten = 0;
            var first = true;
            for (var i = 0; i < touches.Count; i++)
            {
                if (!touches.IsAmong(i, this))
                {
                    continue;
                }

                if (!first)
                {
                    if (!", ".TryCopyTo(destination[charsWritten..]))
                    {
                        return false;
                    }

                    charsWritten += 2;
                }

                first = false;
                if (!touches.TryWriteName(i, destination[charsWritten..], out var written))
                {
                    return false;
                }

                charsWritten += written;
            }

            return true;
        }

        public string ToString(string? format, IFormatProvider? formatProvider) => string.Create(formatProvider, $"{this}");

        public override string ToString() => $"{this}";
    }
}
