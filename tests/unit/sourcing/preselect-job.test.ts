import { describe, expect, it } from 'vitest';
import { preselectedJob } from '@/lib/sourcing/service';

const job = (key: string, name: string) => ({ key, name });
const active = [job('kombo:KJ1', 'Senior Backend Engineer'), job('kombo:KJ2', 'Frontend Engineer')];

describe('Sync to ATS: the job the form starts on', () => {
  it('the Active job the page gives the person, however it is spaced or capitalised', () => {
    expect(preselectedJob(active, 'Senior Backend Engineer')).toBe('kombo:KJ1');
    expect(preselectedJob(active, '  senior  backend engineer ')).toBe('kombo:KJ1');
  });

  it('the only Active job, whatever the page says', () => {
    expect(preselectedJob([active[1]], 'Data Analyst')).toBe('kombo:KJ2');
    expect(preselectedJob([active[1]], undefined)).toBe('kombo:KJ2');
  });

  it('no guess: a job that is not Active, no job on the page, or two Active jobs of that name', () => {
    expect(preselectedJob(active, 'Data Analyst')).toBeUndefined();
    expect(preselectedJob(active, undefined)).toBeUndefined();
    expect(preselectedJob([...active, job('kombo:KJ9', 'Senior Backend Engineer')], 'Senior Backend Engineer')).toBeUndefined();
    expect(preselectedJob([], 'Senior Backend Engineer')).toBeUndefined();
  });
});
