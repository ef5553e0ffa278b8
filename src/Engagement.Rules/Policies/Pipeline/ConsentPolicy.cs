using System;
using System.Runtime.CompilerServices;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Formatting;
using NodaTime;

namespace Engagement.Rules.Policies.Pipeline;

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
/// (CASL), and express-consent channels (TCPA: calls and texts) accept only express grants. A lapsing grant the
/// chosen channel relies on is kept on the candidate and checked again at the final due instant
/// (<see cref="ConsentLapsePolicy"/>).
/// </remarks>
internal sealed class ConsentPolicy : IProposalPolicy
{
    public string Name => "consent";

    public void Apply(PolicyRun run)
    {
        var input = run.Input;
        var active = run.Active;
        if (active.Count == 0)
        {
            return; // nothing to decide: spare the buffers' zeroing
        }

        var latest = new LatestConsents(input.Customer, input.Now);
        var max = MaxChannels(input);
        var channels = max <= 16 ? stackalloc ContactChannel[16] : new ContactChannel[max];

        // The outcome depends only on the class, the asked and the forced channel (the customer, the settings and
        // the e-mail sunset are the same for every candidate): candidates that share them (a customer's service
        // reminders, say) reuse the first one's outcome and text instead of checking the consents again.
        // Kept on the stack: a customer's candidates rarely make more than a few distinct outcomes, and one past
        // the last slot is simply decided again (the same outcome).
        var kept = default(KnownOutcomes);
        Span<Outcome> outcomes = kept;
        var known = 0;

        // A step's text is written into one buffer, each channel's reason into a second, instead of a string per
        // reason joined afterwards: only the final message becomes a string.
        var text = new MessageBuffer(stackalloc char[256]);
        var why = new MessageBuffer(stackalloc char[128]);
        try
        {
            for (var i = 0; i < active.Count; i++)
            {
                var candidate = active[i];
                var outcome = Find(outcomes[..known], candidate);
                if (outcome.Text is null)
                {
                    outcome = Decide(candidate, input, in latest, run.EmailSunset, channels, ref text, ref why);
                    if (known < outcomes.Length)
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
                candidate.LapsingConsent = outcome.Lapsing;
                candidate.Step(Name, outcome.Text);
            }
        }
        finally
        {
            text.Dispose();
            why.Dispose();
        }
    }

    private static Outcome Find(ReadOnlySpan<Outcome> outcomes, Candidate candidate)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.Class == candidate.Proposal.Class && outcome.Asked == candidate.Proposal.Channel && outcome.Forced == candidate.ForcedChannel)
            {
                return outcome;
            }
        }

        return default;
    }

    private static Outcome Decide(Candidate candidate, PolicyInput input, in LatestConsents latest, string? emailSunset, Span<ContactChannel> channels, ref MessageBuffer text, ref MessageBuffer why)
    {
        // "asked ...: " then "X skipped (why); ..." and, when one passes, "Y chosen (why)". The prefix is written
        // first (the message of a stopped touch leaves it out), so the text is made in one string.
        var proposal = candidate.Proposal;
        text.Clear();
        text.Append("asked ");
        text.Append(proposal.Channel is { } asked ? ChannelName(asked) : "the preferred channel");
        text.Append(": ");
        var tried = text.Length;
        var sunsetOnly = false;
        ContactChannel? resolved = null;
        LapsingConsent? lapsing = null;
        foreach (var channel in Channels(candidate, input, channels))
        {
            why.Clear();
            var (ok, bySunset, grantLapsing) = Check(channel, proposal.Class, input, in latest, emailSunset, ref why);
            if (text.Length > tried)
            {
                text.Append("; ");
            }

            text.Append(ChannelName(channel));
            text.Append(ok ? " chosen (" : " skipped (");
            text.Append(why.Text);
            text.Append(")");
            if (ok)
            {
                resolved = channel;
                lapsing = grantLapsing;
                break;
            }

            sunsetOnly |= bySunset;
        }

        if (resolved is not { } chosen)
        {
            var reason = sunsetOnly ? SuppressionReason.EmailSunset : SuppressionReason.NoConsent;
            var need = Need(proposal.Class, input);
            var message = text.Length == tried
                ? $"no {need}: the customer has no channel to try"
                : string.Concat("no ", need, ": ", text.Text[tried..]);
            return new Outcome(proposal.Class, proposal.Channel, candidate.ForcedChannel, null, reason, message, null);
        }

        return new Outcome(proposal.Class, proposal.Channel, candidate.ForcedChannel, chosen, default, text.Text.ToString(), lapsing);
    }

    // Enum.ToString of the defined channels, without formatting.
    internal static string ChannelName(ContactChannel channel) => channel switch
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

    /// <summary>The channel a class needs, as "no ..." names it when none passes.</summary>
    private static string Need(TouchClass touchClass, PolicyInput input) => touchClass switch
    {
        TouchClass.Safety => "reachable channel whose service consent is not withdrawn",
        TouchClass.Service => "channel with service consent or an existing relationship",
        TouchClass.Relationship when !input.Options.Consent.RelationshipNeedsMarketingConsent => "channel with service consent or an existing relationship",
        _ => "channel with marketing consent",
    };

    /// <summary>
    /// Whether a channel may carry a touch of a class (its reason, why or why not, written to <paramref name="why"/>),
    /// whether only the e-mail sunset stopped it, and the consent grant that lets it pass when that grant lapses (null
    /// when none is needed or it does not lapse).
    /// </summary>
    private static (bool Ok, bool BySunset, LapsingConsent? Lapsing) Check(ContactChannel channel, TouchClass touchClass, PolicyInput input, in LatestConsents latest, string? emailSunset, ref MessageBuffer why)
    {
        var customer = input.Customer;
        if (!IsReachable(channel, customer))
        {
            why.Append("no ");
            why.Append(ChannelName(channel));
            why.Append(" contact point");
            return (false, false, null);
        }

        var express = input.Jurisdiction.ExpressConsentChannels.Contains(channel);
        if (touchClass == TouchClass.Safety)
        {
            var latestService = latest.Get(customer, channel, ConsentPurpose.Service, input.Now);
            if (latestService is { Status: ConsentStatus.Withdrawn } withdrawn)
            {
                why.Append("service consent withdrawn ");
                why.AppendFormatted(TextValue.Instant(withdrawn.At));
                return (false, false, null);
            }

            why.Append("safety touch: reachable and not withdrawn; no marketing consent needed");
            return (true, false, null);
        }

        if (channel == ContactChannel.Email && emailSunset is not null)
        {
            // Whether the channel would pass without the sunset; its reason is not part of the message.
            var mark = why.Length;
            var permitted = Check(channel, touchClass, input, in latest, null, ref why).Ok;
            why.Truncate(mark);
            why.Append(emailSunset);
            return (false, permitted, null);
        }

        var marketing = latest.Get(customer, channel, ConsentPurpose.Marketing, input.Now);
        var needsMarketing = touchClass == TouchClass.Marketing
            || (touchClass == TouchClass.Relationship && input.Options.Consent.RelationshipNeedsMarketingConsent);
        if (needsMarketing)
        {
            if (marketing is null)
            {
                why.Append("no marketing consent for ");
                why.Append(ChannelName(channel));
                return (false, false, null);
            }

            return (Valid(marketing, express, input, ref why, out var lapsing), false, lapsing);
        }

        var service = latest.Get(customer, channel, ConsentPurpose.Service, input.Now);
        if (service is not null)
        {
            return (Valid(service, express, input, ref why, out var lapsing), false, lapsing);
        }

        if (marketing is { Status: ConsentStatus.Granted })
        {
            var mark = why.Length;
            why.Append("marketing consent covers service: ");
            if (Valid(marketing, express, input, ref why, out var lapsing))
            {
                return (true, false, lapsing);
            }

            why.Truncate(mark);
        }

        if (express)
        {
            why.Append(ChannelName(channel));
            why.Append(" needs prior express consent in ");
            why.Append(input.Jurisdiction.Code);
            why.Append(", and there is no service consent");
            return (false, false, null);
        }

        if (!input.Jurisdiction.ServiceByExistingRelationship)
        {
            why.Append("no service consent, and ");
            why.Append(input.Jurisdiction.Code);
            why.Append(" does not accept an existing relationship");
            return (false, false, null);
        }

        var owned = input.FirstOwnedVehicle;
        if (owned is not null)
        {
            why.Append("existing relationship: owns Vehicle ");
            why.Append(owned.Vin.ToString());
            return (true, false, null);
        }

        var order = input.FirstRepairOrder;
        if (order is not null)
        {
            why.Append("existing relationship: RepairOrder ");
            why.Append(order.RepairOrderId);
            return (true, false, null);
        }

        why.Append("no service consent and no existing relationship");
        return (false, false, null);
    }

    /// <summary>
    /// Whether a consent record is valid now, its reason written to <paramref name="why"/>; when it is and it lapses
    /// later, <paramref name="lapsing"/> holds it with its lapse date.
    /// </summary>
    private static bool Valid(ConsentRecord record, bool expressOnly, PolicyInput input, ref MessageBuffer why, out LapsingConsent? lapsing)
    {
        lapsing = null;
        var purpose = PurposeName(record.Purpose);
        if (record.Status == ConsentStatus.Withdrawn)
        {
            why.Append(purpose);
            why.Append(" consent for ");
            why.Append(ChannelName(record.Channel));
            why.Append(" withdrawn ");
            why.AppendFormatted(TextValue.Instant(record.At));
            return false;
        }

        var basis = record.GrantBasis;
        if (expressOnly && basis != ConsentBasis.Express)
        {
            why.Append(ChannelName(record.Channel));
            why.Append(" needs prior express consent in ");
            why.Append(input.Jurisdiction.Code);
            why.Append("; the ");
            why.Append(purpose);
            why.Append(" consent is ");
            why.AppendEnum(basis);
            return false;
        }

        var granted = record.At.InUtc().Date;
        var lapsesOn = LapsesOn(record, input.Jurisdiction);
        var lapses = lapsesOn ?? default;
        var lapsed = lapsesOn is not null && input.Now.InUtc().Date >= lapses;
        why.Append(purpose);
        why.Append(" consent ");
        if (lapsed)
        {
            why.Append("for ");
            why.Append(ChannelName(record.Channel));
            why.Append(" ");
        }

        why.Append(Describe(basis));
        why.Append(" on ");
        why.AppendFormatted(TextValue.Date(granted));
        if (lapsed)
        {
            why.Append(" lapsed on ");
            why.AppendFormatted(TextValue.Date(lapses));
            why.Append(" (");
            why.Append(input.Jurisdiction.Code);
            why.Append(")");
            return false;
        }

        if (lapsesOn is not null)
        {
            why.Append(", valid until ");
            why.AppendFormatted(TextValue.Date(lapses));
            lapsing = new LapsingConsent(record, lapses);
        }

        return true;
    }

    /// <summary>
    /// The (UTC) date on which an implied grant lapses under the jurisdiction's lifetime: valid on the days before
    /// it. Null for a grant that does not lapse (express, or no lifetime in the jurisdiction).
    /// </summary>
    private static LocalDate? LapsesOn(ConsentRecord record, EffectiveJurisdiction jurisdiction)
    {
        var lifetime = record.GrantBasis switch
        {
            ConsentBasis.ImpliedByPurchase => jurisdiction.ImpliedConsentFromPurchase,
            ConsentBasis.ImpliedByInquiry => jurisdiction.ImpliedConsentFromInquiry,
            _ => null,
        };
        return lifetime is null ? null : record.At.InUtc().Date.Plus(lifetime);
    }

    internal static string PurposeName(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Service => "service",
        ConsentPurpose.Marketing => "marketing",
        _ => purpose.ToString().ToLowerInvariant(),
    };

    internal static string Describe(ConsentBasis basis) => basis switch
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

    /// <summary>
    /// The latest record of each defined channel and purpose at the evaluation instant (by
    /// <see cref="ConsentRecord.Supersedes"/>, as <see cref="Customer.LatestConsent"/>), found in one pass over the
    /// customer's consents: a decision asks for one or two per channel it tries, and a pass decides several.
    /// </summary>
    private readonly struct LatestConsents
    {
        private const int Channels = (int)ContactChannel.Push + 1;
        private const int Purposes = (int)ConsentPurpose.Service + 1;

        private readonly Records _records;

        public LatestConsents(Customer customer, Instant now)
        {
            var consents = customer.Consents;
            for (var i = 0; i < consents.Count; i++)
            {
                var record = consents[i];
                if (Index(record.Channel, record.Purpose) is { } index && record.Supersedes(_records[index], now))
                {
                    _records[index] = record;
                }
            }
        }

        /// <summary>As <see cref="Customer.LatestConsent"/>, which answers for values outside the defined channels and purposes.</summary>
        public ConsentRecord? Get(Customer customer, ContactChannel channel, ConsentPurpose purpose, Instant now)
            => Index(channel, purpose) is { } index ? _records[index] : customer.LatestConsent(channel, purpose, now);

        private static int? Index(ContactChannel channel, ConsentPurpose purpose)
            => (uint)channel < Channels && (uint)purpose < Purposes ? ((int)channel * Purposes) + (int)purpose : null;

        [InlineArray(Channels * Purposes)]
        private struct Records
        {
            private ConsentRecord? _first;
        }
    }

    /// <summary>The outcomes decided so far in one pass, on the stack.</summary>
    [InlineArray(4)]
    private struct KnownOutcomes
    {
        private Outcome _first;
    }

    /// <summary>The consent step's result for one class, asked channel and forced channel: the channel chosen (null: stopped for <see cref="Reason"/>) and the step's text.</summary>
    /// <remarks><see cref="Lapsing"/>: the implied grant the chosen channel relies on, checked again at the final due instant.</remarks>
    private readonly record struct Outcome(TouchClass Class, ContactChannel? Asked, ContactChannel? Forced, ContactChannel? Chosen, SuppressionReason Reason, string Text, LapsingConsent? Lapsing);
}
