/**
 * The bagging-boosting model: the data, the three ensembles grown for all MAX_ROUNDS rounds, and
 * what one round shows. PURE: no React, no DOM; the learners are the shared kit's (src/lib/learn),
 * these files only feed them and read their results round by round: setting.ts (data, grid,
 * learners), bagging.ts, adaboost.ts and regression.ts (one ensemble each); this file joins the
 * two classification ensembles into one fit (the plain path; the page's workers fit them apart,
 * halves.ts) and re-exports the parts.
 *
 * - Bagging (scikit-learn's BaggingClassifier): tree m is grown on its own bootstrap sample
 *   (growMember, deterministic from the seed and m); the ensemble of m trees averages their class
 *   probabilities (soft vote) and predicts the larger.
 * - AdaBoost (SAMME, learning rate 1): the kit's rounds; the ensemble of m learners predicts the
 *   class with the largest Σ α·[h = k] (ties to the lower class).
 * - Gradient boosting with squared loss on 1-D data: F₀ = mean(y), F_m = F_{m−1} + ν·h_m where
 *   h_m is a regression tree fitted to the residuals y − F_{m−1}.
 */
import type { AdaBoostRound, ForestMember, Matrix } from '../../lib/learn/api';
import { MAX_ROUNDS } from './params';
import type { RunningSum } from './grids';
import { boundaryGrid, classData, type ClassData, type ClassSetting } from './setting';
import { fitBag, bagShown, type BagShown } from './bagging';
import { adaShown, fitAda, type AdaShown, type AdaStop } from './adaboost';

export * from './setting';
export * from './bagging';
export * from './adaboost';
export * from './regression';

export interface ClassCurves {
  bagTrain: Float64Array;
  bagTest: Float64Array;
  /** AdaBoost's errors after rounds 1..adaRounds; later entries repeat the last (the ensemble stopped). */
  adaTrain: Float64Array;
  adaTest: Float64Array;
}

export interface ClassFit {
  data: ClassData;
  members: ForestMember[];
  ada: AdaBoostRound[];
  adaStop: AdaStop;
  curves: ClassCurves;
  /** The boundary grid and the running vote sums on it (filled as rounds are shown). */
  grid: { G: Matrix; bag: RunningSum; ada: RunningSum };
}

export function fitClass(s: ClassSetting): ClassFit {
  const data = classData(s);
  const G = boundaryGrid(data.extent);
  // Bagging sums each tree's P(class 1); AdaBoost sums α · [h = 1] (its total vote is Σ α).
  const bag = fitBag(s, data, G), ada = fitAda(s, data, G);
  return {
    data,
    grid: { G, bag: bag.sum, ada: ada.sum },
    members: bag.members,
    ada: ada.ada,
    adaStop: ada.adaStop,
    curves: { bagTrain: bag.bagTrain, bagTest: bag.bagTest, adaTrain: ada.adaTrain, adaTest: ada.adaTest },
  };
}

export interface ClassRound {
  round: number;
  bag: BagShown;
  /** Null when AdaBoost found no learner better than chance in its first round. */
  ada: AdaShown | null;
}

export function classRound(fit: ClassFit, round: number): ClassRound {
  const m = Math.max(1, Math.min(MAX_ROUNDS, Math.round(round)));
  const { data, members, ada, adaStop, curves } = fit;
  const { G } = fit.grid;
  return {
    round: m,
    bag: bagShown({ data, members, G, sum: fit.grid.bag, bagTrain: curves.bagTrain, bagTest: curves.bagTest }, m),
    ada: adaShown({ data, ada, adaStop, G, sum: fit.grid.ada, adaTrain: curves.adaTrain, adaTest: curves.adaTest }, m),
  };
}
