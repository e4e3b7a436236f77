import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { axisLabels3D } from './axisTicks3D';
import { PLANE_GROUP_ROTATION, PLANE_SIZE, localToPlaneX, localToPlaneY, localToWorld } from './planeLayout';

describe('axisLabels3D', () => {
  const window = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };
  const labels = axisLabels3D(window, ['α', 'β']);

  it('puts x ticks in front of the square at their own x, and y ticks right of it at their own y', () => {
    const xTicks = labels.filter((label) => label.key.startsWith('x:'));
    const yTicks = labels.filter((label) => label.key.startsWith('y:'));
    expect(xTicks.map((label) => label.text)).toEqual(['-2', '-1', '0', '1', '2']);
    expect(yTicks.map((label) => label.text)).toEqual(['-1', '0', '1', '2', '3']);
    for (const label of xTicks) {
      expect(localToPlaneX(window, label.local[0])).toBeCloseTo(Number(label.text), 9);
      expect(label.local[1]).toBeLessThan(-PLANE_SIZE / 2);
    }
    for (const label of yTicks) {
      expect(localToPlaneY(window, label.local[1])).toBeCloseTo(Number(label.text), 9);
      expect(label.local[0]).toBeGreaterThan(PLANE_SIZE / 2);
    }
  });

  it('names both axes', () => {
    expect(labels.filter((label) => label.isName).map((label) => label.text)).toEqual(['α', 'β']);
  });
});

describe('localToWorld', () => {
  it('stands local z up and sends local y away from the default camera', () => {
    expect(localToWorld(1, 2, 3)).toEqual([1, 3, -2]);
  });

  it('agrees with three.js applying the plane group rotation', () => {
    const group = new THREE.Object3D();
    group.rotation.set(...PLANE_GROUP_ROTATION);
    group.updateMatrixWorld();
    const world = group.localToWorld(new THREE.Vector3(0.7, -1.9, 2.4));
    expect(world.toArray()).toEqual(localToWorld(0.7, -1.9, 2.4).map((v) => expect.closeTo(v, 12)));
  });
});
