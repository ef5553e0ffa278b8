using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using static Engagement.Rules.Benchmarks.Baseline.BaselineText;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <content>rules/community.yaml: owner event invitations.</content>
internal static partial class HandWrittenDefaultPack
{
    private sealed partial class Evaluation
    {
        public void Community()
        {
            foreach (var ownerEvent in _events)
            {
                var (ruleId, touchClass, topic) = ownerEvent.Kind switch
                {
                    OwnerEventKind.CarCareClinic => ("car-care-clinic-invite", TouchClass.Relationship, "community.car-care-clinic"),
                    OwnerEventKind.ModelLaunch => ("model-launch-invite", TouchClass.Marketing, "community.model-launch"),
                    OwnerEventKind.CharityDrive => ("charity-drive-invite", TouchClass.Relationship, "community.charity-drive"),
                    _ => (null, TouchClass.Relationship, null),
                };
                if (ruleId is null || topic is null || !InviteWindowOpen(ownerEvent) || !AnyVehicleInAudience(ownerEvent) || IsRegistered(ownerEvent))
                {
                    continue;
                }

                var starts = DateOf(ownerEvent.StartsAt);
                var reason = ownerEvent.Kind == OwnerEventKind.CharityDrive
                    ? ownerEvent.Name + " on " + Format(starts)
                    : ownerEvent.Name + " on " + Format(starts) + ", " + Format(ownerEvent.SeatsLeft) + " seats left";
                Propose(
                    ruleId,
                    TouchKind.EventInvite,
                    touchClass,
                    topic,
                    null,
                    reason,
                    [_customer, ownerEvent],
                    expires: starts.PlusDays(-1),
                    values: Values("event", ownerEvent.Name, "startsAt", Format(ownerEvent.StartsAt), "location", ownerEvent.Location));
            }
        }

        // The pack's named condition 'inviteWindowOpen'.
        private bool InviteWindowOpen(OwnerEvent ownerEvent)
        {
            var days = DaysUntil(DateOf(ownerEvent.StartsAt));
            return days is >= 7 and <= 42
                && ownerEvent.SeatsLeft > 0
                && (_customer.IsAmbassador || !ownerEvent.Audience.AmbassadorsFirst || days <= 35);
        }

        // exists a vehicle with ownsVehicle and inAudience.
        private bool AnyVehicleInAudience(OwnerEvent ownerEvent)
        {
            var audience = ownerEvent.Audience;
            var region = _customer.Jurisdiction?.Code ?? string.Empty;
            foreach (var vehicle in _vehicles)
            {
                if (Owns(vehicle)
                    && (audience.Make ?? vehicle.Make) == vehicle.Make
                    && (audience.Model ?? vehicle.Model) == vehicle.Model
                    && (audience.RegionCode ?? region) == region)
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsRegistered(OwnerEvent ownerEvent)
        {
            foreach (var registration in _registrations)
            {
                if (registration.EventId == ownerEvent.EventId && registration.CustomerId == _customer.CustomerId)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
