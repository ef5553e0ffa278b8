using System.Globalization;
using System.Text;

namespace Engagement.Rules.Benchmarks.Loading;

/// <summary>
/// Generates a rule file of any size whose rules have the default pack's shapes, cycling through ten templates
/// with varying thresholds, topics and priorities: patterns with tests, joins by customer id and by VIN, named
/// conditions, <c>not</c> and <c>exists</c>, max / min / count aggregates with <c>having</c>, a <c>let</c>, a
/// signal and the rules matching it, touches with due dates, values and interpolated reasons.
/// </summary>
internal static class GeneratedRulePack
{
    public static string Yaml(int ruleCount)
    {
        var text = new StringBuilder(ruleCount * 700);
        text.Append("""
            apiVersion: engagement-rules/v1
            conditions:
              ownsVehicle:
                parameters: { vehicle: Vehicle, customer: Customer }
                expression: vehicle.ownerCustomerId == customer.customerId and vehicle.isOwned
              freshPurchase:
                parameters: { referral: Referral }
                expression: referral.status == Purchased and has(referral.purchasedOn) and daysSince(referral.purchasedOn) between 0 and 14
            rules:

            """);
        for (var n = 0; n < ruleCount; n++)
        {
            text.Append(Rule(n));
        }

        return text.ToString();
    }

    private static string Rule(int n)
    {
        var id = n.ToString("D4", CultureInfo.InvariantCulture);
        var low = (n / 10 % 12) + 1; // 1..12: thresholds differ from rule to rule
        var high = low + 2 + (n % 7);
        var priority = n % 100;
        return (n % 10) switch
        {
            0 => $$"""
                  - id: gen-{{id}}-service-due
                    priority: {{priority}}
                    when:
                      - customer: Customer
                      - vehicle: Vehicle
                        where: ownsVehicle
                      - max:
                          as: lastVisit
                          of: { ro: RepairOrder, where: ro.vin == vehicle.vin }
                          value: ro.openedOn
                          having: monthsSince(lastVisit) between {{low}} and {{high}}
                      - not:
                          appointment: Appointment
                          where: appointment.vin == vehicle.vin and appointment.status == Booked and appointment.at >= now()
                    then:
                      - touch: { kind: reminder, class: service, topic: gen.{{id}}.service-due, vehicle: vehicle, reason: "Last visit on {lastVisit}" }

                """,
            1 => $$"""
                  - id: gen-{{id}}-recall
                    priority: {{priority}}
                    when:
                      - customer: Customer
                      - vehicle: Vehicle
                        where: ownsVehicle
                      - recall: RecallCampaign
                        where: recall.vin == vehicle.vin and recall.disposition == Open and daysSince(recall.issuedOn) >= {{low}}
                    then:
                      - touch:
                          kind: notice
                          class: safety
                          topic: gen.{{id}}.recall
                          vehicle: vehicle
                          values: { campaign: recall.campaignNumber }
                          reason: "Recall {recall.campaignNumber} is open"

                """,
            2 => $$"""
                  - id: gen-{{id}}-referral-reward
                    priority: {{priority}}
                    when:
                      - customer: Customer
                        where: (customer.preferredRewardCategory ?? Recognition) == Recognition
                      - dealership: Dealership
                        where: not dealership.referralRewardsRestricted
                      - referral: Referral
                        where: [referral.referrerCustomerId == customer.customerId, freshPurchase]
                    then:
                      - touch: { kind: reward, class: relationship, topic: gen.{{id}}.reward, due: referral.purchasedOn ?? today(), values: { referred: referral.referredName } }

                """,
            3 => $$"""
                  - id: gen-{{id}}-event-invite
                    priority: {{priority}}
                    when:
                      - customer: Customer
                      - event: OwnerEvent
                        where: daysUntil(date(event.startsAt)) between {{low}} and {{high + 30}} and event.seatsLeft > 0
                      - exists:
                          vehicle: Vehicle
                          where: [ownsVehicle, (event.audience.make ?? vehicle.make) == vehicle.make]
                      - not:
                          registration: EventRegistration
                          where: registration.eventId == event.eventId and registration.customerId == customer.customerId
                    then:
                      - touch: { kind: event-invite, class: relationship, topic: gen.{{id}}.event, expires: date(event.startsAt) - 1 day, values: { event: event.name } }

                """,
            4 => $$"""
                  - id: gen-{{id}}-warranty-ending
                    priority: {{priority}}
                    when:
                      - customer: Customer
                      - vehicle: Vehicle
                        where: ownsVehicle
                      - let:
                          projected: (vehicle.latestOdometer.value ?? 0) + (vehicle.averageDailyDistance ?? 0.0) * daysSince(vehicle.latestOdometer.date ?? today())
                      - warranty: FactoryWarranty
                        where: warranty.vin == vehicle.vin and daysUntil(warranty.endDate) between 0 and {{30 + (low * 5)}}
                      - not:
                          contract: ExtendedServiceContract
                          where: contract.vin == vehicle.vin and daysUntil(contract.endDate) > 0
                    then:
                      - touch: { kind: offer, class: marketing, topic: gen.{{id}}.warranty, vehicle: vehicle, reason: "Warranty ends on {warranty.endDate} (about {projected})" }

                """,
            5 => $$"""
                  - id: gen-{{id}}-ambassador
                    priority: {{priority}}
                    when:
                      - customer: Customer
                        where: not customer.isAmbassador
                      - count:
                          as: purchases
                          of: { referral: Referral, where: referral.referrerCustomerId == customer.customerId and referral.status == Purchased }
                          having: purchases >= {{(n % 3) + 1}}
                    then:
                      - touch: { kind: greeting, class: relationship, topic: gen.{{id}}.ambassador, values: { referrals: purchases } }

                """,
            6 => $$"""
                  - id: gen-{{id}}-detractor
                    priority: {{priority}}
                    when:
                      - customer: Customer
                      - exists:
                          offer: TouchProposal
                          where: offer.customerId == customer.customerId and offer.class == Marketing
                      - min:
                          as: lowestScore
                          of: { score: SatisfactionScore, where: score.customerId == customer.customerId and daysSince(score.on) between 0 and {{30 * low}} }
                          value: score.score
                          having: lowestScore <= {{(n % 5) + 4}}
                    then:
                      - touch: { kind: follow-up, class: service, topic: gen.{{id}}.detractor, channel: phone, values: { score: lowestScore } }

                """,
            7 => $$"""
                  - id: gen-{{id}}-recommended-work
                    priority: {{priority}}
                    when:
                      - customer: Customer
                      - vehicle: Vehicle
                        where: ownsVehicle
                      - work: RecommendedWork
                        where: work.vin == vehicle.vin and work.status == Recommended and has(work.dueDate) and daysUntil(work.dueDate) between 0 and {{low + 7}}
                    then:
                      - touch: { kind: reminder, class: service, topic: gen.{{id}}.work, vehicle: vehicle, expires: work.dueDate, values: { operation: work.operation } }

                """,
            8 => $$"""
                  - id: gen-{{id}}-high-mileage
                    priority: {{priority}}
                    when:
                      - customer: Customer
                      - vehicle: Vehicle
                        where: [ownsVehicle, (vehicle.averageDailyDistance ?? 0.0) * 365 > {{10_000 + (low * 1_000)}}]
                    then:
                      - signal: { name: gen-{{id}}-high-mileage, vehicle: vehicle }

                """,
            _ => $$"""
                  - id: gen-{{id}}-gap-offer
                    priority: {{priority}}
                    when:
                      - customer: Customer
                      - vehicle: Vehicle
                        where:
                          - ownsVehicle
                          - vehicle.ownership in [Finance, Lease]
                      - flag: Signal
                        where: flag.name == "gen-{{(n - 1).ToString("D4", CultureInfo.InvariantCulture)}}-high-mileage" and (flag.vin ?? "") == vehicle.vin
                      - not:
                          gap: GapCoverage
                          where: gap.vin == vehicle.vin and daysUntil(gap.endDate) > 0
                    then:
                      - touch: { kind: offer, class: marketing, topic: gen.{{id}}.gap, vehicle: vehicle, reason: "A high-mileage {vehicle.ownership} car" }

                """,
        };
    }
}
