using System;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>
/// Consent and channel: the asked channel, then the customer's preferred channels (the default order when the
/// customer states none), then postal mail for safety touches; the first channel that is reachable and has the
/// consent the class needs wins. Never a channel without consent.
/// </summary>
/// <remarks>
/// Per channel and purpose the latest record at or before the evaluation instant wins (a withdrawal at the same
/// instant as a grant wins). Safety needs a reachable channel whose service consent is not withdrawn; service
/// needs service consent, or marketing consent, or an existing relationship where the jurisdiction allows it;
/// marketing (and relationship, by default) needs marketing consent. Implied consent lapses per jurisdiction
/// (CASL), and express-consent channels (TCPA: calls and texts) accept only express grants.
/// </remarks>
internal sealed class ConsentPolicy : IProposalPolicy
{
    public string Name => "consent";

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var active = run.Active;
        var max = MaxChannels(input);
        var channels = max <= 32 ? stackalloc ContactChannel[32] : new ContactChannel[max];

        // The outcome depends only on the class, the asked and the forced channel (the customer, the settings and
        // the e-mail sunset are the same for every candidate): candidates that share them (a customer's service
        // reminders, say) reuse the first one's outcome and text instead of checking the consents again.
        var outcomes = active.Count > 1 ? new Outcome[active.Count] : null;
        var known = 0;

        // The skipped channels are written into one buffer instead of a string each joined afterwards: most
        // touches skip a channel or two, and only the final message is kept.
        var skipped = new MessageBuffer(stackalloc char[512]);
        try
        {
            for (var i = 0; i < active.Count; i++)
            {
                var candidate = active[i];
                var outcome = Find(outcomes, known, candidate);
                if (outcome.Text is null)
                {
                    outcome = Decide(candidate, input, run.EmailSunset, channels, ref skipped);
                    if (outcomes is not null)
                    {
                        outcomes[known++] = outcome;
                    }
                }

                if (outcome.Chosen is not { } chosen)
                {
                    run.Stop(candidate, outcome.Reason, Name, outcome.Text);
                    i--;
                    continue;
                }

                candidate.Channel = chosen;
                candidate.Step(Name, outcome.Text);
            }
        }
        finally
        {
            skipped.Dispose();
        }
    }

    private static Outcome Find(Outcome[]? outcomes, int count, Candidate candidate)
    {
        for (var i = 0; i < count; i++)
        {
            var outcome = outcomes![i];
            if (outcome.Class == candidate.Proposal.Class && outcome.Asked == candidate.Proposal.Channel && outcome.Forced == candidate.ForcedChannel)
            {
                return outcome;
            }
        }

        return default;
    }

    private static Outcome Decide(Candidate candidate, PolicyInput input, string? emailSunset, Span<ContactChannel> channels, ref MessageBuffer skipped)
    {
        var proposal = candidate.Proposal;
        skipped.Clear();
        var sunsetOnly = false;
        ContactChannel? resolved = null;
        string? basis = null;
        foreach (var channel in Channels(candidate, input, channels))
        {
            var (ok, why, bySunset) = Check(channel, proposal.Class, input, emailSunset);
            if (ok)
            {
                resolved = channel;
                basis = why;
                break;
            }

            if (skipped.Length > 0)
            {
                skipped.Append("; ");
            }

            skipped.Append(ChannelName(channel));
            skipped.Append(" skipped (");
            skipped.Append(why);
            skipped.Append(")");
            sunsetOnly |= bySunset;
        }

        if (resolved is not { } chosen)
        {
            var reason = sunsetOnly ? SuppressionReason.EmailSunset : SuppressionReason.NoConsent;
            var need = Need(proposal.Class, input);
            var message = skipped.Length == 0
                ? $"no channel with {need}: the customer has no channel to try"
                : string.Concat("no channel with ", need, ": ", skipped.Text);
            return new Outcome(proposal.Class, proposal.Channel, candidate.ForcedChannel, null, reason, message);
        }

        string description;
        if (skipped.Length == 0)
        {
            description = proposal.Channel is { } a
                ? $"asked {a}: {chosen} chosen ({basis})"
                : $"asked the preferred channel: {chosen} chosen ({basis})";
        }
        else
        {
            skipped.Append("; ");
            skipped.Append(ChannelName(chosen));
            skipped.Append(" chosen (");
            skipped.Append(basis);
            skipped.Append(")");
            description = proposal.Channel is { } asked
                ? string.Concat("asked ", ChannelName(asked), ": ", skipped.Text)
                : string.Concat("asked the preferred channel: ", skipped.Text);
        }

        return new Outcome(proposal.Class, proposal.Channel, candidate.ForcedChannel, chosen, default, description);
    }

    // Enum.ToString of the defined channels, without formatting.
    private static string ChannelName(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => nameof(ContactChannel.Email),
        ContactChannel.Sms => nameof(ContactChannel.Sms),
        ContactChannel.Phone => nameof(ContactChannel.Phone),
        ContactChannel.Mail => nameof(ContactChannel.Mail),
        ContactChannel.Push => nameof(ContactChannel.Push),
        _ => channel.ToString(),
    };

    private static int MaxChannels(PolicyInput input)
    {
        var options = input.Options.Consent;
        return 2 + System.Math.Max(input.Customer.PreferredChannels.Count, options.DefaultChannelOrder.Count);
    }

    /// <summary>The channels to try in order, each once (the first occurrence counts), written into <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<ContactChannel> Channels(Candidate candidate, PolicyInput input, Span<ContactChannel> buffer)
    {
        if (candidate.ForcedChannel is { } forced)
        {
            buffer[0] = forced;
            return buffer[..1];
        }

        var options = input.Options.Consent;
        var count = 0;
        if (candidate.Proposal.Channel is { } asked)
        {
            Add(buffer, ref count, asked);
        }

        if (candidate.Proposal.Channel is null || options.FallBackFromAskedChannel)
        {
            var order = input.Customer.PreferredChannels.Count > 0 ? input.Customer.PreferredChannels : options.DefaultChannelOrder;
            for (var i = 0; i < order.Count; i++)
            {
                Add(buffer, ref count, order[i]);
            }
        }

        if (candidate.Proposal.Class == TouchClass.Safety && options.SafetyFallsBackToMail)
        {
            Add(buffer, ref count, ContactChannel.Mail);
        }

        return buffer[..count];
    }

    private static void Add(Span<ContactChannel> buffer, ref int count, ContactChannel channel)
    {
        if (!buffer[..count].Contains(channel))
        {
            buffer[count++] = channel;
        }
    }

    private static string Need(TouchClass touchClass, PolicyInput input) => touchClass switch
    {
        TouchClass.Safety => "a reachable, not withdrawn channel",
        TouchClass.Service => "service consent or an existing relationship",
        TouchClass.Relationship when !input.Options.Consent.RelationshipNeedsMarketingConsent => "service consent or an existing relationship",
        _ => "marketing consent",
    };

    /// <summary>Whether a channel may carry a touch of a class, why (or why not), and whether only the e-mail sunset stopped it.</summary>
    internal static (bool Ok, string Why, bool BySunset) Check(ContactChannel channel, TouchClass touchClass, PolicyInput input, string? emailSunset)
    {
        var customer = input.Customer;
        if (!IsReachable(channel, customer))
        {
            return (false, $"no {channel} contact point", false);
        }

        var express = input.Jurisdiction.ExpressConsentChannels.Contains(channel);
        if (touchClass == TouchClass.Safety)
        {
            var latestService = Latest(customer, channel, ConsentPurpose.Service, input.Now);
            if (latestService is { Status: ConsentStatus.Withdrawn } withdrawn)
            {
                return (false, $"service consent withdrawn {TextValue.Instant(withdrawn.At)}", false);
            }

            return (true, "safety touch: reachable and not withdrawn; no marketing consent needed", false);
        }

        if (channel == ContactChannel.Email && emailSunset is not null)
        {
            var permitted = Check(channel, touchClass, input, null).Ok;
            return (false, emailSunset, permitted);
        }

        var marketing = Latest(customer, channel, ConsentPurpose.Marketing, input.Now);
        var needsMarketing = touchClass == TouchClass.Marketing
            || (touchClass == TouchClass.Relationship && input.Options.Consent.RelationshipNeedsMarketingConsent);
        if (needsMarketing)
        {
            return marketing is null
                ? (false, $"no marketing consent for {channel}", false)
                : Valid(marketing, express, input);
        }

        var service = Latest(customer, channel, ConsentPurpose.Service, input.Now);
        if (service is not null)
        {
            return Valid(service, express, input);
        }

        if (marketing is { Status: ConsentStatus.Granted })
        {
            var valid = Valid(marketing, express, input);
            if (valid.Ok)
            {
                return (true, "marketing consent covers service: " + valid.Why, false);
            }
        }

        if (express)
        {
            return (false, $"{channel} needs prior express consent in {input.Jurisdiction.Code}, and there is no service consent", false);
        }

        if (!input.Jurisdiction.ServiceByExistingRelationship)
        {
            return (false, $"no service consent, and {input.Jurisdiction.Code} does not accept an existing relationship", false);
        }

        var owned = input.FirstOwnedVehicle;
        if (owned is not null)
        {
            return (true, $"existing relationship: owns Vehicle {owned.Vin}", false);
        }

        var order = input.FirstRepairOrder;
        if (order is not null)
        {
            return (true, $"existing relationship: RepairOrder {order.RepairOrderId}", false);
        }

        return (false, "no service consent and no existing relationship", false);
    }

    private static (bool Ok, string Why, bool BySunset) Valid(ConsentRecord record, bool expressOnly, PolicyInput input)
    {
        var purpose = record.Purpose switch
        {
            ConsentPurpose.Service => "service",
            ConsentPurpose.Marketing => "marketing",
            _ => record.Purpose.ToString().ToLowerInvariant(),
        };
        if (record.Status == ConsentStatus.Withdrawn)
        {
            return (false, $"{purpose} consent for {record.Channel} withdrawn {TextValue.Instant(record.At)}", false);
        }

        if (expressOnly && record.Basis != ConsentBasis.Express)
        {
            return (false, $"{record.Channel} needs prior express consent in {input.Jurisdiction.Code}; the {purpose} consent is {record.Basis}", false);
        }

        var lifetime = record.Basis switch
        {
            ConsentBasis.ImpliedByPurchase => input.Jurisdiction.ImpliedConsentFromPurchase,
            ConsentBasis.ImpliedByInquiry => input.Jurisdiction.ImpliedConsentFromInquiry,
            _ => null,
        };
        var granted = record.At.InUtc().Date;
        if (lifetime is not null)
        {
            var lapses = granted.Plus(lifetime);
            if (input.Now.InUtc().Date >= lapses)
            {
                return (false, $"{purpose} consent for {record.Channel} {Describe(record.Basis)} on {TextValue.Date(granted)} lapsed on {TextValue.Date(lapses)} ({input.Jurisdiction.Code})", false);
            }

            return (true, $"{purpose} consent {Describe(record.Basis)} on {TextValue.Date(granted)}, valid until {TextValue.Date(lapses)}", false);
        }

        return (true, $"{purpose} consent {Describe(record.Basis)} on {TextValue.Date(granted)}", false);
    }

    private static string Describe(ConsentBasis basis) => basis switch
    {
        ConsentBasis.ImpliedByPurchase => "implied by a purchase",
        ConsentBasis.ImpliedByInquiry => "implied by an inquiry",
        _ => "granted expressly",
    };

    private static bool IsReachable(ContactChannel channel, Customer customer) => channel switch
    {
        ContactChannel.Email => customer.ContactPoints.HasEmail,
        ContactChannel.Sms or ContactChannel.Phone => customer.ContactPoints.HasPhone,
        ContactChannel.Mail => customer.ContactPoints.HasPostalAddress,

        // The fact model has no app-installation data: push is taken as reachable and the host's push service decides.
        _ => true,
    };

    /// <summary>The latest record of a channel and purpose at or before <paramref name="now"/>; a withdrawal wins a tie.</summary>
    internal static ConsentRecord? Latest(Customer customer, ContactChannel channel, ConsentPurpose purpose, Instant now)
    {
        ConsentRecord? latest = null;
        var consents = customer.Consents;
        for (var i = 0; i < consents.Count; i++)
        {
            var record = consents[i];
            if (record.Channel != channel || record.Purpose != purpose || record.At > now)
            {
                continue;
            }

            if (latest is null || record.At > latest.At || (record.At == latest.At && record.Status == ConsentStatus.Withdrawn))
            {
                latest = record;
            }
        }

        return latest;
    }

    /// <summary>The consent step's result for one class, asked channel and forced channel: the channel chosen (null: stopped for <see cref="Reason"/>) and the step's text.</summary>
    private readonly record struct Outcome(TouchClass Class, ContactChannel? Asked, ContactChannel? Forced, ContactChannel? Chosen, SuppressionReason Reason, string Text);
}
