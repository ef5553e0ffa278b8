using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.WorkerSample;

/// <summary>
/// A host-defined fact: the dealer management system appraised a customer's vehicle for trade-in. Registered with
/// the rule catalogue as <c>TradeInAppraisal</c> (see WorkerHost.cs) and used by rules/trade-in.yaml.
/// </summary>
/// <param name="CustomerId">The customer who owns the vehicle (the evaluator checks facts belong to the customer).</param>
/// <param name="Vin">The appraised vehicle.</param>
/// <param name="OfferCents">The trade-in offer, in cents of the dealership's currency.</param>
/// <param name="AppraisedOn">The appraisal date.</param>
public sealed record TradeInAppraisal(string CustomerId, Vin Vin, long OfferCents, LocalDate AppraisedOn);
