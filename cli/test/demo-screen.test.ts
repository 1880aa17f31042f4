import { createElement } from 'react'
import { render } from 'ink-testing-library'
import { describe, expect, test } from 'vitest'
import { DemoScreen, type DemoScreenStep } from '../src/ui/DemoScreen.js'
import { nextLines, stepLines } from '../src/ui/demo-text.js'

const plain = (_hex: string, text: string) => text

describe('the thane demo screen (ink)', () => {
  test('shows finished steps with a tick and their lines, the running one with a spinner, and hides those not started', () => {
    const steps: DemoScreenStep[] = [
      {
        id: 'air',
        title: 'Air quality: the CPCB AQI of every station',
        state: 'done',
        lines: stepLines({ step: 'air', data: [{ code: 'AQ-01', name: 'Teen Hath Naka', ward: null, aqi: 67, category: 'Satisfactory', color: '#92D050', reason: null }] }, plain),
      },
      { id: 'buses', title: 'Next buses from Thane Station, with realtime delays', state: 'running', lines: [] },
      { id: 'grievance', title: 'Filing a grievance and reading it back', state: 'pending', lines: [] },
    ]
    const { lastFrame, unmount } = render(createElement(DemoScreen, { title: 'Thane Kit demo', steps, footer: [] }))
    const frame = lastFrame() ?? ''
    unmount()
    expect(frame).toContain('Thane Kit demo')
    expect(frame).toMatch(/✔ Air quality: the CPCB AQI of every station/)
    expect(frame).toMatch(/ {2}Teen Hath Naka +67 {2}Satisfactory/)
    expect(frame).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Next buses from Thane Station/)
    expect(frame).not.toContain('Filing a grievance')
  })

  test('ends with what to try next under the steps', () => {
    const footer = nextLines([
      { command: 'thane new my-app', why: 'start a project' },
      { command: 'thane workshop list', why: 'the workshops' },
    ])
    const { lastFrame, unmount } = render(createElement(DemoScreen, { title: 'Thane Kit demo', steps: [], footer }))
    const frame = lastFrame() ?? ''
    unmount()
    expect(frame.split('\n')).toEqual(expect.arrayContaining(['What to try next:', '  thane new my-app     start a project', '  thane workshop list  the workshops']))
  })
})
