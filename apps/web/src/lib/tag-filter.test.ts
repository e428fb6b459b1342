import { describe, expect, it } from 'vitest';
import { absentTags, presentTags, tagValue, withTag } from './tag-filter.ts';

describe('tags filter', () => {
  it('reads the value asked of one key', () => {
    expect(tagValue('env=prod, team=data', 'team')).toBe('data');
    expect(tagValue('env=prod', 'team')).toBeUndefined();
    expect(tagValue('env', 'env')).toBeUndefined();
    expect(tagValue(undefined, 'env')).toBeUndefined();
    expect(tagValue('url=a=b', 'url')).toBe('a=b');
    expect(tagValue('!env', 'env')).toBeUndefined();
  });

  it('sets a key in its place, appends a new one, and removes one', () => {
    expect(withTag('env=dev,team=data', 'env', 'prod')).toBe('env=prod,team=data');
    expect(withTag('team=data', 'env', 'prod')).toBe('team=data,env=prod');
    expect(withTag(undefined, 'env', 'prod')).toBe('env=prod');
    expect(withTag('env=prod,team=data', 'env', undefined)).toBe('team=data');
    expect(withTag('env=prod', 'env', undefined)).toBeUndefined();
  });

  it('asks for the absence of a key with !key, in the place of what it asked of that key', () => {
    expect(withTag('env=prod,team=data', 'env', null)).toBe('!env,team=data');
    expect(withTag('!env,team=data', 'env', 'prod')).toBe('env=prod,team=data');
    expect(withTag('!env', 'env', undefined)).toBeUndefined();
    expect(absentTags('!env, team=data,!team')).toEqual(['env', 'team']);
    expect(presentTags('!env, team=data, cost-center')).toBe('team=data,cost-center');
    expect(presentTags('!env')).toBeUndefined();
  });
});
