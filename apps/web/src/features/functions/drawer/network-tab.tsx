import type { FunctionView } from '../api/types.ts';
import { Empty, FieldList, Mono, Section, yesNo } from './field-list.tsx';
import { FilterLink } from './filter-link.tsx';

/** VPC, vSwitches, security group, internet access and custom DNS; every id filters the table. */
export function NetworkTab({ fn }: { fn: FunctionView }) {
  const vpc = fn.vpcConfig;
  const dns = fn.customDNS;
  return (
    <div className="space-y-5">
      <Section title="VPC">
        {vpc?.vpcId ? (
          <FieldList
            fields={[
              ['VPC', <FilterLink key="v" name="vpcId" value={vpc.vpcId} />],
              [
                'vSwitches',
                <ul key="s" className="space-y-0.5">
                  {(vpc.vSwitchIds ?? []).map((id) => (
                    <li key={id}>
                      <FilterLink name="vSwitchId" value={id} />
                    </li>
                  ))}
                </ul>,
              ],
              [
                'Security group',
                vpc.securityGroupId ? <FilterLink name="securityGroupId" value={vpc.securityGroupId} /> : '',
              ],
              ['VPC role', vpc.role ? <Mono>{vpc.role}</Mono> : ''],
            ]}
          />
        ) : (
          <Empty>
            No VPC configured: the function reaches only the public internet
            {fn.internetAccess === false ? ' (and internet access is off)' : ''}.
          </Empty>
        )}
      </Section>
      <Section title="Internet">
        <FieldList fields={[['Internet access', yesNo(fn.internetAccess ?? true)]]} />
      </Section>
      <Section title="Custom DNS">
        {dns && (dns.nameServers?.length || dns.searches?.length || dns.dnsOptions?.length) ? (
          <FieldList
            fields={[
              ['Name servers', <Mono key="n">{(dns.nameServers ?? []).join(', ')}</Mono>],
              ['Search domains', <Mono key="s">{(dns.searches ?? []).join(', ')}</Mono>],
              [
                'Options',
                <Mono key="o">{(dns.dnsOptions ?? []).map((o) => `${o.name}:${o.value}`).join(', ')}</Mono>,
              ],
            ]}
          />
        ) : (
          <Empty>No custom DNS: the platform resolver is used.</Empty>
        )}
      </Section>
    </div>
  );
}
