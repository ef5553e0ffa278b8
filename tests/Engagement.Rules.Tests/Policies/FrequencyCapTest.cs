using Engagement.Rules.Decisions;
using Engagement.Rules.Policies;
using Engagement.Rules.Tests.Support;
using NodaTime;

namespace Engagement.Rules.Tests.Policies;

public sealed class FrequencyCapTest
{
    [TestCaseSource(typeof(HostCulture), nameof(HostCulture.Unusual))]
    public void ToString_UnderAHostCulture_IsInvariant(string culture)
    {
        var cap = new FrequencyCap(TouchClass.Marketing, 1, Duration.FromHours(36));

        HostCulture.Run(culture, cap.ToString).Should().Be("Marketing at most 1 per 1.5 days");
    }
}
