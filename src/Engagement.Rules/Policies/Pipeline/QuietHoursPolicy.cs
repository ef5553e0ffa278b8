using System;
using System.Globalization;
using Engagement.Rules.Decisions;
using Engagement.Rules.Formatting;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// Timing: the due instant is the proposal's day at its preferred time (or the default send time) in the
/// customer's zone - a time in a DST gap moves forward, an ambiguous one takes the earlier offset. A day already
/// past becomes today (at the same send time), and a time already past the evaluation instant. It is then held
/// (never dropped) to the first instant allowed by the channel's quiet hours and the blackout days. With an unknown zone, the instant must be allowed in every
/// plausible zone of the customer's country; when those never line up, a fixed conservative window applies in
/// the dealership's zone.
/// </summary>
internal sealed class QuietHoursPolicy : IProposalPolicy
{
    public string Name => "quiet-hours";

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var options = input.Options.QuietHours;
        var zone = input.Zone;
        var zones = input.ZoneKnown ? new ReadOnlySpan<DateTimeZone>(in zone) : ContactTimePlanner.PlausibleZones(input.Jurisdiction.CountryCode);
        var fallbackReported = false;
        var today = input.Now.InZone(zone).Date;

        // Most candidates are due at the same local time (today at the default send time): the zone's answer for
        // the last local time is reused rather than mapping it again (a mapping is an object per call).
        LocalDateTime? mapped = null;
        Instant mappedDue = default;
        LocalDateTime mappedLocal = default;
        Offset? mappedAmbiguous = null;
        var active = run.Active;
        for (var i = 0; i < active.Count; i++)
        {
            var candidate = active[i];
            var proposal = candidate.Proposal;
            // A day already past (rules that propose "14 days before the due date") is today at the send time, not
            // "now": a nightly run at 02:00 must not send at 02:00.
            var time = proposal.PreferredTime ?? options.DefaultSendTime;
            var pastDay = proposal.DueOn < today;
            var local = (pastDay ? today : proposal.DueOn) + time;
            if (pastDay)
            {
                candidate.Step(Name, $"due on {TextValue.Date(proposal.DueOn)}, a day already past: due today at the send time, {TextValue.Local(local)}");
            }

            if (mapped != local)
            {
                mapped = local;
                var mapping = zone.MapLocal(local);
                mappedDue = mapping.Count == 0 ? ContactTimePlanner.AtOrAfter(local, zone, Instant.MinValue) : mapping.First().ToInstant();
                mappedLocal = mappedDue.InZone(zone).LocalDateTime;
                mappedAmbiguous = mapping.Count == 2 ? mapping.First().Offset : null;
            }

            var due = mappedDue;
            var resolvedLocal = mappedLocal;
            if (resolvedLocal != local)
            {
                candidate.Step(Name, $"{TextValue.Local(local)} does not exist in {input.Zone.Id} (daylight-saving gap): moved to {TextValue.Local(resolvedLocal)}");
            }
            else if (mappedAmbiguous is { } first && due >= input.Now)
            {
                // Noted only when the first is the one used: a time already past becomes the evaluation instant below.
                candidate.Step(Name, $"{TextValue.Local(local)} occurs twice in {input.Zone.Id} (fall-back): the first, {OffsetPattern.GeneralInvariant.Format(first)}, is used");
            }

            if (due < input.Now)
            {
                due = input.Now;
            }

            var channel = candidate.Channel!.Value;
            var blackoutApplies = !OptionLists.Contains(options.BlackoutExemptClasses, proposal.Class);
            var plan = zones.IsEmpty
                ? new ContactTimePlan(null, [])
                : ContactTimePlanner.Plan(due, channel, blackoutApplies, zones, input.Jurisdiction, options.SearchHorizonDays);
            var fallback = false;
            if (plan.At is null && !input.ZoneKnown)
            {
                fallback = true;
                var conservative = new ConservativeContactRules(input.Jurisdiction, options.UnknownZoneStart, options.UnknownZoneEnd);
                plan = ContactTimePlanner.Plan(due, channel, blackoutApplies, new ReadOnlySpan<DateTimeZone>(in zone), conservative, options.SearchHorizonDays);
                var window = string.Create(CultureInfo.InvariantCulture, $"the conservative window {options.UnknownZoneStart:HH':'mm}-{options.UnknownZoneEnd:HH':'mm} in the dealership's zone {input.Zone.Id} applies");
                if (!fallbackReported)
                {
                    fallbackReported = true;
                    run.Diagnostics.Add(new EngagementDiagnostic(
                        EngagementDiagnosticCode.ConservativeWindowFallback,
                        zones.IsEmpty
                            ? $"customer {input.Customer.CustomerId}: no time zones known for {input.Jurisdiction.CountryCode}; {window}"
                            : string.Create(CultureInfo.InvariantCulture, $"customer {input.Customer.CustomerId}: the {zones.Length} plausible zones of {input.Jurisdiction.CountryCode} have no common contact window; {window}")));
                }

                // The touch's own explanation says so too: the time may be outside the window in some plausible zones.
                candidate.Step(Name, zones.IsEmpty
                    ? $"customer zone unknown and no time zones known for {input.Jurisdiction.CountryCode}: {window}"
                    : string.Create(CultureInfo.InvariantCulture, $"customer zone unknown; the {zones.Length} plausible zones of {input.Jurisdiction.CountryCode} have no common {channel} window: {window} (it may be outside the window in some of those zones)"));
            }

            if (plan.At is not { } at)
            {
                run.Stop(candidate, SuppressionReason.NoContactWindow, Name, string.Create(CultureInfo.InvariantCulture, $"no allowed {channel} time within {options.SearchHorizonDays} days of {TextValue.Local(due, input.Zone)} ({string.Join(", ", plan.Causes)})"));
                i--;
                continue;
            }

            if (at != due)
            {
                var where = input.ZoneKnown || fallback ? input.Zone.Id : string.Create(CultureInfo.InvariantCulture, $"{input.Zone.Id}; customer zone unknown, checked in {zones.Length} plausible zones of {input.Jurisdiction.CountryCode}");
                candidate.Step(Name, $"held from {TextValue.Local(due, input.Zone)} to {TextValue.Local(at, input.Zone)} ({where}) by {string.Join(" and ", plan.Causes)}");
            }

            candidate.DueAt = at;
        }
    }
}
