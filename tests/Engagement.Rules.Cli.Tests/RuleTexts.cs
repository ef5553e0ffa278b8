namespace Engagement.Rules.Cli.Tests;

/// <summary>Rule files the tests write to their temporary folder.</summary>
internal static class RuleTexts
{
    /// <summary>One rule that fires for every owned vehicle of an active customer, one that never fires.</summary>
    public const string Checkup = """
        apiVersion: engagement-rules/v1
        rules:
          - id: owned-vehicle-checkup
            when:
              - customer: Customer
                where: "customer.status == Active"
              - vehicle: Vehicle
                where: [ "vehicle.ownerCustomerId == customer.customerId", "vehicle.isOwned" ]
            then:
              - touch: { kind: reminder, class: service, topic: service.checkup, vehicle: vehicle, channel: email, due: "today() + 1 days", at: "10:00" }
          - id: huge-household
            when:
              - customer: Customer
                where: [ "customer.status == Active", "(customer.householdSize ?? 0) > 100" ]
            then:
              - touch: { kind: notice, class: service, topic: test.never, due: "today()" }
        """;

    /// <summary>A rule with an error on line 6 (a field that does not exist).</summary>
    public const string Broken = """
        apiVersion: engagement-rules/v1
        rules:
          - id: broken
            when:
              - customer: Customer
                where: "customer.noSuchField == 1"
            then:
              - touch: { kind: notice, class: service, topic: test.broken, due: "today()" }
        """;

    /// <summary>A rule that needs a fact the sample customers do not have, and one outside its effective dates.</summary>
    public const string Unmatched = """
        apiVersion: engagement-rules/v1
        rules:
          - id: needs-complaint
            when:
              - customer: Customer
              - complaint: Complaint
                where: "complaint.customerId == customer.customerId"
            then:
              - touch: { kind: follow-up, class: service, topic: test.complaint, due: "today()" }
          - id: expired-campaign
            effective: { from: 2020-01-01, until: 2020-12-31 }
            when:
              - customer: Customer
            then:
              - touch: { kind: offer, class: marketing, topic: test.expired, due: "today()" }
        """;

    /// <summary>
    /// Seven 'any' of two side by side: 128 alternatives, past the engine's 64. The loader refuses it (ER1019 at the
    /// seventh 'any', line 12, column 9); before it did, the engine threw and the tool ended with an internal error.
    /// </summary>
    public const string TooManyAlternatives = """
        apiVersion: engagement-rules/v1
        rules:
          - id: too-many-alternatives
            when:
              - customer: Customer
              - any: [ { a1: Vehicle }, { b1: Vehicle } ]
              - any: [ { a2: Vehicle }, { b2: Vehicle } ]
              - any: [ { a3: Vehicle }, { b3: Vehicle } ]
              - any: [ { a4: Vehicle }, { b4: Vehicle } ]
              - any: [ { a5: Vehicle }, { b5: Vehicle } ]
              - any: [ { a6: Vehicle }, { b6: Vehicle } ]
              - any: [ { a7: Vehicle }, { b7: Vehicle } ]
            then:
              - touch: { kind: notice, class: service, topic: test.wide, due: "today()" }
        """;

    /// <summary>
    /// A rule that divides by zero at run time for customer C-0002 only (its 'where' lets only that customer
    /// through to the 'let'); for the others it does not match.
    /// </summary>
    public const string DivideByZeroForC0002 = """
        apiVersion: engagement-rules/v1
        rules:
          - id: divide-by-zero
            when:
              - customer: Customer
                where: "customer.customerId == \"C-0002\""
              - let: { z: "100 / ((customer.householdSize ?? 1) - (customer.householdSize ?? 1))" }
            then:
              - touch: { kind: notice, class: service, topic: test.divide, due: "today()" }
        """;
}
