package dev.vmscope.views.xen;

import dev.vmscope.core.xen.P2mRun;

import java.util.List;
import java.util.Optional;

/**
 * Which part of the p2m picture is in view: pfns on x, machine frames on y, as unsigned-safe doubles
 * (frame numbers stay below 2^52). Zooming keeps the frame under the pointer where it is.
 */
record P2mView(double pfnLo, double pfnHi, double mfnLo, double mfnHi) {
    private static final double MIN_SPAN = 8;

    P2mView {
        if (pfnHi - pfnLo < MIN_SPAN) {
            pfnHi = pfnLo + MIN_SPAN;
        }
        if (mfnHi - mfnLo < MIN_SPAN) {
            mfnHi = mfnLo + MIN_SPAN;
        }
    }

    /** Everything: pfn 0 to the end of the last pfn the p2m accounts for, the machine frames its runs use. */
    static P2mView all(List<P2mRun> runs, long pfnEnd) {
        double mLo = runs.stream().mapToLong(P2mRun::mfn).min().orElse(0);
        double mHi = runs.stream().mapToLong(r -> r.mfn() + r.count()).max().orElse(1);
        double pad = (mHi - mLo) * 0.03;
        return new P2mView(0, Math.max(pfnEnd, 1), Math.max(0, mLo - pad), mHi + pad);
    }

    /** Zooms by {@code factor} (below 1 zooms in) about the point at fractions {@code fx}, {@code fy} of the view. */
    P2mView zoom(double factor, double fx, double fy) {
        double pAt = pfnLo + fx * (pfnHi - pfnLo);
        double mAt = mfnLo + fy * (mfnHi - mfnLo);
        return new P2mView(pAt - (pAt - pfnLo) * factor, pAt + (pfnHi - pAt) * factor,
                mAt - (mAt - mfnLo) * factor, mAt + (mfnHi - mAt) * factor);
    }

    /** Moves by fractions of the view's width and height. */
    P2mView pan(double fx, double fy) {
        double dp = fx * (pfnHi - pfnLo);
        double dm = fy * (mfnHi - mfnLo);
        return new P2mView(pfnLo + dp, pfnHi + dp, mfnLo + dm, mfnHi + dm);
    }

    /** The run (of runs sorted by pfn) that holds {@code pfn}, if any. */
    static Optional<P2mRun> runAt(List<P2mRun> runs, long pfn) {
        int lo = 0;
        int hi = runs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            P2mRun r = runs.get(mid);
            if (pfn < r.pfn()) {
                hi = mid - 1;
            } else if (pfn >= r.endPfn()) {
                lo = mid + 1;
            } else {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
