/**
 * k8sLab's `services`: kube-proxy's iptables-mode chains on every node, a ClusterIP and a
 * NodePort answered by an endpoint once it listens, and bad Service specs refused. The same
 * rules on the kernel: test/real/k8s-services.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { k8sLab } from '../../../src/lab.js';
import { kubeProxyRules } from '../../../src/presets/k8s-services.js';

const WEB = { name: 'web', clusterIP: '10.96.0.10', port: 80, targetPort: 8080, nodePort: 30080, endpoints: ['10.244.1.2', '10.244.2.2', '10.244.3.2'] };

describe('k8sLab services', () => {
  it('writes KUBE-SERVICES → KUBE-SVC (statistic random) → KUBE-SEP DNAT on every node', () => {
    const lab = k8sLab({ nodes: 3, podsPerNode: 2, services: [WEB] });
    for (const n of ['node1', 'node2', 'node3']) {
      const out = lab.host(n).sh('iptables -t nat -S')[0]!.stdout;
      expect(out).toContain('-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-BIJGBSD4RZCCZX5R');
      expect(out).toContain('-m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-');
      expect(out).toContain('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully');
      expect(out.match(/-j DNAT --to-destination 10\.244\.\d\.2:8080/g)).toHaveLength(3);
    }
  });

  it('answers a ClusterIP and a NodePort from an endpoint once it listens', () => {
    const lab = k8sLab({ nodes: 3, podsPerNode: 2, services: [WEB] });
    expect(lab.reachPort('node1/pod2', '10.96.0.10', 'tcp', 80).answer).toBe('refused');
    for (const n of [1, 2, 3]) lab.twin.run(`node${n}`, 'ip netns exec pod1 nc -lk 8080 &');
    const p = lab.reachPort('node1/pod2', '10.96.0.10', 'tcp', 80);
    expect(p.answer).toBe('open');
    expect(['node1/pod1', 'node2/pod1', 'node3/pod1']).toContain(p.endpoint?.ns.path);
    expect(p.endpoint?.port).toBe(8080);
    expect(lab.reachPort('node2/pod2', '192.168.1.1', 'tcp', 30080).answer).toBe('open');
    expect(lab.reachPort('node2/pod2', '10.96.0.10', 'tcp', 81).answer).toBe('unreachable');
  });

  it('refuses bad Service specs', () => {
    expect(() => kubeProxyRules([{ ...WEB, name: 'Web' }], '10.244.0.0/16')).toThrow('service name "Web" is not a DNS label');
    expect(() => kubeProxyRules([{ ...WEB, nodePort: 80 }], '10.244.0.0/16')).toThrow('nodePort must be 30000-32767');
    expect(() => kubeProxyRules([{ ...WEB, endpoints: ['pod1'] }], '10.244.0.0/16')).toThrow('endpoint "pod1" is not an IPv4 address');
    expect(() => kubeProxyRules([{ ...WEB, port: 0 }], '10.244.0.0/16')).toThrow('port must be a port 1-65535');
  });
});
