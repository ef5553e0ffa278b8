using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using static Engagement.Rules.Benchmarks.Baseline.BaselineText;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <content>rules/advocacy.yaml: referral thanks and rewards, ambassadors.</content>
internal static partial class HandWrittenDefaultPack
{
    private sealed partial class Evaluation
    {
        public void Advocacy()
        {
            var preferred = _customer.PreferredRewardCategory;
            var category = preferred ?? RewardCategory.Recognition;
            var restricted = _dealership.ReferralRewardsRestricted;
            var hasCharity = _customer.CharityOfChoice is not null;
            var purchases = 0;
            foreach (var referral in _referrals)
            {
                if (referral.ReferrerCustomerId != _customer.CustomerId)
                {
                    continue;
                }

                purchases += referral.Status == ReferralStatus.Purchased ? 1 : 0;
                if (DaysSince(referral.RecordedOn) is >= 0 and <= 2)
                {
                    Propose("referral-thank-you", TouchKind.ThankYou, TouchClass.Relationship, "advocacy.referral-thank-you", null, "Referred " + referral.ReferredName + " on " + Format(referral.RecordedOn), [_customer, referral], due: referral.RecordedOn, values: Values("referred", referral.ReferredName));
                }

                // The pack's named condition 'freshPurchase'.
                if (referral.Status != ReferralStatus.Purchased || referral.PurchasedOn is not { } purchasedOn || DaysSince(purchasedOn) is < 0 or > 14)
                {
                    continue;
                }

                var reason = referral.ReferredName + " bought on " + Format(purchasedOn);
                if (preferred == RewardCategory.Transactional && !restricted)
                {
                    Propose("referral-reward-parts-credit", RewardKind, TouchClass.Relationship, "advocacy.reward-parts-credit", null, reason, [_customer, _dealership, referral], due: purchasedOn, values: Values("referred", referral.ReferredName));
                }

                if (preferred == RewardCategory.Experiential && !restricted)
                {
                    Propose("referral-reward-experience", RewardKind, TouchClass.Relationship, "advocacy.reward-experience", null, reason, [_customer, _dealership, referral], due: purchasedOn, values: Values("referred", referral.ReferredName));
                }

                if (category == RewardCategory.Recognition
                    || (restricted && category != RewardCategory.Altruistic)
                    || (category == RewardCategory.Altruistic && !hasCharity))
                {
                    Propose("referral-reward-recognition", RewardKind, TouchClass.Relationship, "advocacy.reward-recognition", null, reason, [_customer, _dealership, referral], due: purchasedOn, values: Values("referred", referral.ReferredName));
                }

                if (preferred == RewardCategory.Altruistic && _customer.CharityOfChoice is { } charity)
                {
                    Propose("referral-reward-donation", RewardKind, TouchClass.Relationship, "advocacy.reward-donation", null, reason + "; donation to " + charity, [_customer, referral], due: purchasedOn, values: Values("charity", charity, "referred", referral.ReferredName));
                }
            }

            if (!_customer.IsAmbassador && purchases >= 3)
            {
                Propose("ambassador-status", TouchKind.Greeting, TouchClass.Relationship, "advocacy.ambassador-welcome", null, Format(purchases) + " referrals have bought a car", [_customer], values: Values("referrals", Format(purchases)), evidence: Values("purchases", Format(purchases)));
            }
        }
    }

    // 'reward' is a kind the pack names that TouchKind has no shortcut for.
    private static readonly TouchKind RewardKind = new("reward");
}
