/**
 * The links of the link-compatibility set: the default links of both modes,
 * every preset's link, and hand-written links that use every optimizer with
 * non-default hyper-parameters, warm-up, batch sizes, colours and ids, and
 * bad values of each kind. `recordLinks.ts` writes, for each, the experiment
 * it opens to, the messages it gives and the link it serialises back to
 * into `links.json`; `links.test.ts` checks that they still hold.
 */
import { defaultExperiment, defaultNetworkExperiment } from '../../../workers/engine/spec/experiment';
import { PRESETS } from '../../../workers/engine/spec/presets';
import { experimentToHash } from '../hash';

/** Hand-written analytic links: every optimizer, every hyper-parameter set away from its default, and bad entries. */
const ANALYTIC_LINKS: readonly string[] = [
  '',
  'p=analytic',
  'f=himmelblau&o=sgd,id:a,c:112233,lr:0.003,w:5',
  'f=beale&o=momentum,id:m,lr:0.0007,mu:0.8,w:12&o=nesterov,id:n,c:abcdef,lr:0.0002,mu:0.95',
  'f=rosenbrock&sx=-1.2&sy=1&o=rmsprop,lr:0.005,rho:0.85,eps:1e-6,w:3&o=adam,lr:0.03,b1:0.8,b2:0.99,eps:1e-7,w:20',
  'f=quadratic&c=40&a=15&o=newton,lr:0.8,d:0.01,w:2&o=saddle_free_newton,lr:0.4,d:0.5',
  'f=saddle&o=sgd,lr:0.05&o=newton,lr:1&o=saddle_free_newton,lr:0.3&n=20',
  'f=monkey_saddle&m=contour&log=0&s=7&n=42&o=adam,id:x1,c:FFAA00,lr:2e-2,b1:0.5,b2:0.9999,eps:0.001',
  // Bad entries: unknown optimizers, out-of-range values, settings of other optimizers, network-only keys, garbage.
  'o=sgd,lr:0.002&o=lbfgs,lr:1&o=adam',
  'o=evil,lr:1&o=%3Cscript%3E',
  'o=sgd,lr:-1&o=adam,b1:1,b2:0.5',
  'o=sgd,b1:0.5&o=momentum,mu:1.5,w:2.5&o=rmsprop,rho:-0.1,eps:0',
  'o=newton,d:-1,lr:abc&o=saddle_free_newton,d:1e400,w:-3',
  'o=sgd,b:8,r:2,cg:10&o=gauss_newton,lr:1&o=trust_region&o=hessian_free',
  'o=sgd,id:a,c:zzzzzz&o=adam,id:a,c:FF0000&o=sgd,id:BAD',
  'o=sgd,lr&o=adam,:0.1,lr:0.1:2&o=momentum,,mu:0.5',
  'o=',
  'o=&o=',
  `${Array.from({ length: 11 }, () => 'o=sgd').join('&')}`,
  'o=sgd,lr:1e6&o=adam,lr:1e-300',
  // Every optimizer at its defaults.
  'o=sgd&o=momentum&o=nesterov&o=rmsprop&o=adam&o=newton&o=saddle_free_newton',
];

/** Hand-written network links: every optimizer, batch sizes, non-default hyper-parameters, and bad entries. */
const NETWORK_LINKS: readonly string[] = [
  'p=network',
  'p=network&o=sgd,id:a,c:010203,b:8,lr:0.3,w:10&o=momentum,b:0,lr:0.05,mu:0.7&o=nesterov,b:32,lr:0.01,mu:0.99,w:4',
  'p=network&ds=circles&o=rmsprop,b:16,lr:0.002,rho:0.95,eps:1e-5&o=adam,b:64,lr:0.004,b1:0.85,b2:0.995,eps:1e-9,w:30',
  'p=network&ds=xor&h=4,4&o=newton,lr:0.9,d:0.2,w:3&o=saddle_free_newton,b:20,lr:0.7,d:0.05',
  'p=network&ds=sine&o=gauss_newton,b:10,lr:0.8,d:0.03,cg:40,w:6&o=trust_region,r:0.7,rmax:20,acc:0.15,cg:30&o=hessian_free,b:50,d:2,cg:25',
  'p=network&ds=sine&n=40&o=trust_region,id:tr&o=adam,id:ad,lr:0.01',
  'p=network&ds=sine&n=400&o=sgd,id:wild,lr:100&o=sgd,id:calm,lr:0.05',
  'p=network&n=200&o=adam,id:o1,b:16,lr:0.02&o=adam,id:o2,b:0,lr:0.02',
  'p=network&ds=moons&do=n:50,noise:0.2&h=8&act=relu&ev=5&sh=20&n=300&s=9&o=sgd,b:4,lr:0.2',
  // Bad entries: joint rules, limits, out-of-range batch sizes, settings of other optimizers, unknown optimizers.
  'p=network&o=trust_region,r:5,rmax:1&o=trust_region,r:50,rmax:20,acc:0.3',
  'p=network&o=hessian_free,cg:0&o=gauss_newton,cg:501,d:-2&o=trust_region,cg:500',
  'p=network&o=sgd,b:-1&o=sgd,b:2.5&o=sgd,b:5001&o=sgd,b:abc&o=sgd,b:5000',
  'p=network&o=sgd,mu:0.5,r:1&o=hessian_free,lr:0.1,w:3&o=trust_region,lr:2,d:1',
  'p=network&o=lbfgs,id:a',
  'p=network&o=',
  'p=network&o=adam,id:a,c:zzzzzz&o=adam,id:a,c:FF0000&o=sgd,id:BAD',
  `p=network&${Array.from({ length: 10 }, (_, i) => `o=adam,b:${i}`).join('&')}`,
  'p=network&o=newton,lr:0,d:abc&o=saddle_free_newton,lr:3,w:1.5',
  'p=network&f=beale&x0=-3&nx=64&o=sgd',
  // The edge-of-stability preset's link as it was first written: its slice named runs o1 and o2, its one run is gd.
  'v=1&p=network&n=1500&m=3d&log=1&s=1&ds=chebyshev&do=n:64&tf=0&dseed=1&h=12,12&act=tanh&init=glorot&isc=1&iseed=2&wd=0&dr=0&ev=10&sh=10&ld=random&lc=o1&lra=o1&lrb=o2&lro=init&ldim=2&la0=-1&la1=1&lb0=-1&lb1=1&lr=65&lm=loss&lsp=train&lsd=1&cm=hessian&ck=5&cr=8&cs=40&cw=0.01&ct=90&cx=linear&csd=1&o=sgd,id:gd,c:4cc9f0,b:0,lr:0.07,w:0',
  // Every optimizer at its defaults (8 runs at most per link).
  'p=network&o=sgd&o=momentum&o=nesterov&o=rmsprop&o=adam&o=newton&o=saddle_free_newton',
  'p=network&o=gauss_newton&o=trust_region&o=hessian_free',
  // The default network link and two presets' links as written before the curvature estimates took a requested accuracy (ct=90, no ce or cb).
  'v=1&p=network&n=500&m=3d&log=1&s=1&ds=spiral&do=turns:1&tf=0.2&dseed=1&h=16,16&act=tanh&init=glorot&isc=1&iseed=1&wd=0&dr=0&ev=10&sh=0&ld=random&lc=o1&lra=o1&lrb=o2&lro=init&ldim=2&la0=-1&la1=1&lb0=-1&lb1=1&lr=65&lm=loss&lsp=train&lsd=1&cm=hessian&ck=5&cr=8&cs=40&cw=0.01&ct=90&cx=linear&csd=1&o=sgd,id:o1,c:4cc9f0,b:8,lr:0.5,w:0&o=sgd,id:o2,c:ff7aa2,b:0,lr:0.5,w:0',
  'v=1&p=network&n=600&m=3d&log=1&s=1&ds=spiral&do=turns:1&tf=0.2&dseed=1&h=16,16&act=tanh&init=glorot&isc=1&iseed=1&wd=0&dr=0&ev=10&sh=25&ld=random&lc=o1&lra=o1&lrb=o2&lro=init&ldim=2&la0=-1&la1=1&lb0=-1&lb1=1&lr=65&lm=loss&lsp=train&lsd=1&cm=hessian&ck=5&cr=8&cs=40&cw=0.01&ct=90&cx=linear&csd=1&o=sgd,id:o1,c:4cc9f0,b:8,lr:0.5,w:0&o=sgd,id:o2,c:ff7aa2,b:0,lr:0.5,w:0',
  'v=1&p=network&n=1500&m=3d&log=1&s=1&ds=chebyshev&do=n:64&tf=0&dseed=1&h=12,12&act=tanh&init=glorot&isc=1&iseed=2&wd=0&dr=0&ev=10&sh=10&ld=random&lc=o1&lra=o1&lrb=o2&lro=init&ldim=2&la0=-1&la1=1&lb0=-1&lb1=1&lr=65&lm=loss&lsp=train&lsd=1&cm=hessian&ck=5&cr=8&cs=40&cw=0.01&ct=90&cx=linear&csd=1&o=sgd,id:gd,c:4cc9f0,b:0,lr:0.07,w:0',
  // The requested accuracy and the density's budget, then values out of their ranges.
  'p=network&ce=0.05&cb=500&ct=120',
  'p=network&ce=0.9&cb=10&ct=2',
];

/**
 * Every link of the set: the default experiments of both modes and every
 * preset, as serialised, then the hand-written ones.
 */
export function compatibilityLinks(): string[] {
  const generated = [
    experimentToHash(defaultExperiment()),
    experimentToHash(defaultNetworkExperiment()),
    ...PRESETS.map((preset) => experimentToHash(preset.build())),
  ];
  return [...generated, ...ANALYTIC_LINKS, ...NETWORK_LINKS];
}
